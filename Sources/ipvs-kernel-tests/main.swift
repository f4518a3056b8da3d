import Foundation
import IPVSCore
import IPVSNetlink

// Library-level checks of IPVSNetlink against the VM's kernel, with Debian's ipvsadm 1.31 as the
// oracle. Run inside the test bed: Scripts/ipvs-vm .build-nl/debug/ipvs-kernel-tests [SUITE...]
// Prints PASS/FAIL per case and one summary line; exits 1 if any case failed.

let runner = TestRunner()
let client: NetlinkClient
do {
    client = try NetlinkClient()
    print("PASS open a client")
} catch {
    print("FAIL open a client: \(error)")
    print("0 passed, 1 failed")
    exit(1)
}

let suites: [(String, (TestRunner, NetlinkClient) -> Void)] = [
    ("counters", counterCases),
    ("schedulers", schedulerCases),
    ("flags", serviceFlagCases),
    ("servers", realServerCases),
    ("edits", editCases),
    ("daemons", daemonCases),
    ("timeouts", timeoutCases),
    ("errors", errorCases),
    ("batch", batchCases),
]
// Arguments, if any, name the suites to run.
let chosen = Set(CommandLine.arguments.dropFirst())
for (name, suite) in suites where chosen.isEmpty || chosen.contains(name) {
    suite(runner, client)
}
try? Oracle.reset()
print("\(runner.passed + 1) passed, \(runner.failed) failed")
exit(runner.failed > 0 ? 1 : 0)
