#if canImport(Glibc)
import Glibc
#endif
import FuzzDriver
import IPVSCore

/// ipvsadm's argv grammar on arbitrary words: the input's bytes split at NUL, as the kernel hands
/// argv to a process. Every outcome must be a `Command` or a `ParseError` with its message; names
/// resolve to nothing, so no lookup leaves the process.
let exitStatus = runFuzzer { data, size in
    let bytes = input(data, size)
    let words = bytes.split(separator: 0, omittingEmptySubsequences: false).map { Array($0) }
    let parser = CommandLineParser(resolver: NumericOnlyResolver())
    do throws(ParseError) {
        _ = try parser.parse(bytes: words)
    } catch {
        _ = error.message(programName: Array("ipvsadm".utf8))
        _ = error.exitStatus
    }
    return 0
}
exit(exitStatus)
