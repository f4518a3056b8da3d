#if canImport(Glibc)
import Glibc
#endif
@testable import IPVSCore

/// Rule files for the RuleSet tests: inline text, the corpus of Tests/rules-corpus and the `-Sn`
/// outputs recorded from ipvsadm 1.31 in RuleSetGolden/ (record.sh).
enum RuleSetFixtures {
    static let testsFolder: String = {
        let parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        return parts.dropLast(2).joined(separator: "/")
    }()

    static func bytes(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, 65536, file) }
            if count <= 0 { break }
            result.append(contentsOf: chunk[0..<count])
        }
        return result
    }

    static func corpusFile(_ name: String) -> [UInt8]? { bytes(testsFolder + "/rules-corpus/\(name).rules") }
    static func recordedSave(_ name: String) -> String? {
        bytes(testsFolder + "/IPVSCoreTests/RuleSetGolden/\(name).save").map { String(decoding: $0, as: UTF8.self) }
    }

    static func check(_ text: String, reader: CommentLines.Reader = .ipvsadmRestore) -> RuleFileChecker.Result {
        RuleFileChecker(resolver: NumericOnlyResolver(), options: .init(reader: reader)).check(Array(text.utf8))
    }

    /// Line and column of each diagnostic.
    static func positions(_ text: String) -> [String] {
        check(text).diagnostics.map { "\($0.line):\($0.column)" }
    }

    static func messages(_ text: String) -> [String] {
        check(text).diagnostics.map(\.message)
    }

    static func fmt(_ table: RuleTable) -> String {
        String(decoding: SaveFormatter.format(table.entries, numeric: true, names: NumericOnlyResolver()), as: UTF8.self)
    }

    static func table(_ text: String) -> RuleTable { check(text).table }

    static func diff(_ old: String, _ new: String) -> String {
        RuleTableDiff.requests(from: table(old), to: table(new)).map { String(decoding: RequestText.line($0), as: UTF8.self) }.joined()
    }
}
