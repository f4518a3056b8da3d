#if canImport(Glibc)
import Glibc
#endif
import FuzzDriver
import IPVSCore

/// `ipvsadm -R` on a whole input: split into lines, each line into words as 1.31 splits them,
/// each parsed as a command line. Every line must end in a `Command` or a `ParseError`.
let exitStatus = runFuzzer { data, size in
    let bytes = input(data, size)
    let parser = CommandLineParser(resolver: NumericOnlyResolver())
    for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
        let words = RestoreLine.words(line)
        if words.isEmpty { continue }
        do throws(ParseError) {
            _ = try parser.parse(bytes: words)
        } catch {
            _ = error.message(programName: Array("ipvsadm".utf8))
            _ = error.restoreContinues
        }
    }
    return 0
}
exit(exitStatus)
