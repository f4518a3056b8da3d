#if canImport(Glibc)
import Glibc
#endif
import FuzzDriver
import IPVSCore

/// `ipvsadm-rules check` on a whole rule file: the checker's table, diagnostics and their
/// locations, judged as ipvsadm-restore and as bare `ipvsadm -R` read it; then the table's diff from empty, which
/// `apply` would send. Every input must end in a result, never a trap.
let exitStatus = runFuzzer { data, size in
    let bytes = Array(input(data, size))
    for reader in [CommentLines.Reader.ipvsadmRestore, .bareRestore] {
        let checker = RuleFileChecker(resolver: NumericOnlyResolver(), options: RuleFileChecker.Options(reader: reader))
        let result = checker.check(bytes)
        if result.isValid {
            _ = RuleTableDiff.requests(from: RuleTable(), to: result.table)
        }
    }
    return 0
}
exit(exitStatus)
