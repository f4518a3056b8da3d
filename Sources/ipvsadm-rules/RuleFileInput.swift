import ArgumentParser
import IPVSCore
import IPVSSystem
#if canImport(Glibc)
import Glibc
#endif

/// A rule file's bytes and the name diagnostics give it (`-` for standard input).
struct RuleFileInput {
    var name: String
    var bytes: [UInt8]

    /// Reads `path` (`-` is standard input), or prints why not and exits 2.
    static func read(_ path: String) throws -> RuleFileInput {
        let fd = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            writeError("ipvsadm-rules: \(path): \(errnoText(errno))\n")
            throw ExitCode(2)
        }
        defer { if fd != 0 { close(fd) } }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                writeError("ipvsadm-rules: \(path): \(errnoText(errno))\n")
                throw ExitCode(2)
            }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return RuleFileInput(name: path, bytes: bytes)
    }

    /// The checker the commands share: the system's names, as ipvsadm looks them up, and this
    /// machine's interfaces for `--start-daemon`.
    static func checker(_ options: RuleFileOptions) -> RuleFileChecker {
        RuleFileChecker(
            resolver: SystemNameResolver(),
            options: RuleFileChecker.Options(reader: options.reader),
            interfaceExists: { name in
                !name.isEmpty && !name.contains("/") && access("/sys/class/net/\(name)", F_OK) == 0
            })
    }

    /// Diagnostics as `FILE:LINE:COLUMN: error: MESSAGE` lines.
    static func text(_ diagnostics: [RuleDiagnostic], file: String) -> String {
        diagnostics.map { "\(file):\($0.line):\($0.column): error: \($0.message)\n" }.joined()
    }

    /// Checks a file and returns its table, or prints its diagnostics and exits 1.
    static func validTable(_ path: String, options: RuleFileOptions) throws -> RuleTable {
        try valid(path, options: options).table
    }

    /// Checks a file and returns what checking found, or prints its diagnostics and exits 1.
    static func valid(_ path: String, options: RuleFileOptions) throws -> RuleFileChecker.Result {
        let input = try read(path)
        let result = checker(options).check(input.bytes)
        guard result.isValid else {
            writeError(text(result.diagnostics, file: input.name))
            throw ExitCode(1)
        }
        return result
    }
}
