#if canImport(Glibc)
import Glibc
#endif
import FuzzDriver
import IPVSCore

/// `ipvsadm-rules check` on a whole rule file: the checker's table, diagnostics and their
/// locations, with and without comment lines accepted; then the table's diff from empty, which
/// `apply` would send. Every input must end in a result, never a trap.
let exitStatus = runFuzzer { data, size in
    let bytes = Array(input(data, size))
    for comments in [false, true] {
        let checker = RuleFileChecker(
            resolver: NumericOnlyResolver(), options: RuleFileChecker.Options(acceptsComments: comments))
        let result = checker.check(bytes)
        if result.isValid {
            _ = RuleTableDiff.requests(from: RuleTable(), to: result.table)
        }
    }
    return 0
}
exit(exitStatus)
