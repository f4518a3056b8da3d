import Testing
@testable import IPVSCore

/// fmt: the table after a rule file, printed as ipvsadm 1.31 -Sn prints it. Expected outputs are
/// 1.31's own, recorded in the VM by RuleSetGolden/record.sh from Tests/rules-corpus files.
@Suite struct RuleSetFormatTests {
    typealias F = RuleSetFixtures

    static let recorded = [
        "ok-nat-basic", "ok-ipv6-service", "ok-fwmark-ipv6", "ok-persistence", "ok-persistence-ipv6-mask", "ok-pe-sip",
        "ok-tunnels", "ok-mixed-family-tunnel", "ok-edits", "ok-edit-service-resets-options", "ok-deletes", "ok-unsorted",
        "ok-direct-route-port", "ok-mask-without-persistence", "ok-clear-midway", "ok-sctp", "ok-ops",
        "ok-every-scheduler", "ok-weights",
    ]

    @Test(arguments: recorded)
    func fmtPrintsWhat131SavesAfterRestoringTheFile(name: String) throws {
        let file = try #require(F.corpusFile(name))
        let expected = try #require(F.recordedSave(name))
        let result = RuleFileChecker(resolver: NumericOnlyResolver()).check(file)
        #expect(result.isValid)
        #expect(F.fmt(result.table) == expected)
    }

    @Test func twoFilesForTheSameTablePrintTheSame() throws {
        let a = "-A -t 192.0.2.3:80 -s wlc\n-a -t 192.0.2.3:80 -r 198.51.100.9:80 -g -w 1\n-A -u 192.0.2.1:53\n"
        let b = "--add-service --udp-service 192.0.2.1:53\n-A -t 192.0.2.3:80\n-a -t 192.0.2.3:80 -r 198.51.100.9\n"
        #expect(F.fmt(F.table(a)) == F.fmt(F.table(b)))
    }
}
