import Foundation
import IPVSCore

/// Why a case failed; thrown by the `expect` helpers.
struct CaseFailure: Error, CustomStringConvertible {
    var description: String
}

/// Runs named cases, printing `PASS name` or `FAIL name: why`, and counts them.
final class TestRunner {
    private(set) var passed = 0
    private(set) var failed = 0

    /// Runs one case from a clean table: no services, no daemons.
    func run(_ name: String, _ body: () throws -> Void) {
        do {
            try Oracle.reset()
            try body()
            passed += 1
            print("PASS \(name)")
        } catch {
            failed += 1
            let why = "\(error)".replacingOccurrences(of: "\n", with: "\n    ")
            print("FAIL \(name): \(why)")
        }
        fflush(nil)
    }

    var summary: String { "\(passed) passed, \(failed) failed" }
}

func expect(_ condition: Bool, _ message: @autoclosure () -> String) throws {
    if !condition { throw CaseFailure(description: message()) }
}

func expectEqual<T: Equatable>(_ actual: T, _ expected: T, _ what: String) throws {
    if actual != expected {
        throw CaseFailure(description: "\(what): got \(actual), expected \(expected)")
    }
}

/// Two texts that must be identical; the failure shows both.
func expectSameText(_ actual: String, _ expected: String, _ what: String) throws {
    if actual != expected {
        throw CaseFailure(description: "\(what) differs\n--- via the library:\n\(actual)--- via the oracle:\n\(expected)")
    }
}

/// Runs `body` and requires it to throw a KernelError with `errno`; returns nothing on success.
func expectKernelError(_ errno: Int32, _ what: String, _ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as KernelError {
        try expectEqual(error.errno, errno, "\(what): errno")
        return
    }
    throw CaseFailure(description: "\(what): succeeded, expected errno \(errno)")
}
