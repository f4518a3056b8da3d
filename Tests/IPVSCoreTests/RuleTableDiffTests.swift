import Testing
@testable import IPVSCore

/// diff: the fewest ipvsadm lines from one table to another, edits in place, never a clear.
@Suite struct RuleTableDiffTests {
    typealias F = RuleSetFixtures
    static let base = "-A -t 192.0.2.1:80 -s rr\n-a -t 192.0.2.1:80 -r 198.51.100.1 -m -w 1\n-a -t 192.0.2.1:80 -r 198.51.100.2 -m -w 1\n"

    @Test func equalTablesNeedNothing() {
        #expect(F.diff(Self.base, Self.base).isEmpty)
    }

    @Test func aWeightChangeIsOneEdit() {
        let new = Self.base.replacing("198.51.100.2 -m -w 1", with: "198.51.100.2 -m -w 5")
        #expect(F.diff(Self.base, new) == "-e -t 192.0.2.1:80 -r 198.51.100.2:80 -m -w 5\n")
    }

    @Test func aSchedulerChangeEditsTheServiceAndKeepsItsServers() {
        let new = Self.base.replacing("-s rr", with: "-s wlc")
        #expect(F.diff(Self.base, new) == "-E -t 192.0.2.1:80 -s wlc\n")
    }

    @Test func newServersComeBeforeRemovedOnes() {
        let new = "-A -t 192.0.2.1:80 -s rr\n-a -t 192.0.2.1:80 -r 198.51.100.3 -m -w 1\n"
        #expect(F.diff(Self.base, new) == """
            -a -t 192.0.2.1:80 -r 198.51.100.3:80 -m -w 1
            -d -t 192.0.2.1:80 -r 198.51.100.1:80
            -d -t 192.0.2.1:80 -r 198.51.100.2:80

            """)
    }

    @Test func aNewServiceComesWithItsServersAndGoneServicesGoLast() {
        let new = "-A -f 7 -s sh\n-a -f 7 -r 198.51.100.7 -m\n"
        #expect(F.diff(Self.base, new) == "-A -f 7 -s sh\n-a -f 7 -r 198.51.100.7:0 -m -w 1\n-D -t 192.0.2.1:80\n")
    }

    @Test func thresholdsAndAMaskWithoutPersistenceAreCompared() {
        let new = "-A -t 192.0.2.1:80 -s rr -M 255.255.0.0\n-a -t 192.0.2.1:80 -r 198.51.100.1 -m -w 1 -x 9\n-a -t 192.0.2.1:80 -r 198.51.100.2 -m -w 1\n"
        #expect(F.diff(Self.base, new) == "-E -t 192.0.2.1:80 -s rr -M 255.255.0.0\n-e -t 192.0.2.1:80 -r 198.51.100.1:80 -m -w 1 -x 9\n")
    }

    @Test func diffLinesTurnOldIntoNew() {
        let old = "-A -t 192.0.2.1:80 -s rr -p 60\n-a -t 192.0.2.1:80 -r 198.51.100.1 -i --tun-type gue --tun-port 6080\n-A -u 192.0.2.1:53\n-A -t [2001:db8::1]:80\n"
        let new = "-A -t 192.0.2.1:80 -s sh -b sh-port\n-a -t 192.0.2.1:80 -r 198.51.100.1 -m\n-a -t 192.0.2.1:80 -r [2001:db8::9]:80 -i\n-A -f 3 -6\n-A -t [2001:db8::1]:80 -s rr\n"
        let lines = F.diff(old, new)
        var table = F.table(old)
        let result = RuleFileChecker(resolver: NumericOnlyResolver()).check(Array(lines.utf8), startingFrom: table)
        #expect(result.isValid)
        table = result.table
        #expect(F.fmt(table) == F.fmt(F.table(new)))
        #expect(!lines.contains("-C"))
    }

    @Test func theInverseOfADeletedServiceRestoresItsServers() {
        let table = F.table(Self.base)
        guard case .address = table.services[0].key else { return }
        let inverse = RuleTableDiff.inverse(of: .deleteService(table.services[0].key), on: table)
        #expect(inverse.map { String(decoding: RequestText.line($0), as: UTF8.self) }.joined() == """
            -A -t 192.0.2.1:80 -s rr
            -a -t 192.0.2.1:80 -r 198.51.100.1:80 -m -w 1
            -a -t 192.0.2.1:80 -r 198.51.100.2:80 -m -w 1

            """)
    }
}
