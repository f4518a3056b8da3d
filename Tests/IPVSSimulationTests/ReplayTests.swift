import IPVSCore
import IPVSSimulation
import Testing

/// Plays `events` against `rules` and returns the lines `ipvs-sim replay` would print.
private func replay(rules: String, events: String) throws -> [String] {
    var replay = Replay(director: SimulatedDirector(), resolver: NumericOnlyResolver())
    try replay.load(rules: rules)
    var printed: [String] = []
    for (index, line) in events.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        guard let event = try ReplayEvent.parse(line, lineNumber: index + 1, resolver: NumericOnlyResolver()) else { continue }
        if let output = try replay.play(event, lineNumber: index + 1) { printed.append(output) }
    }
    return printed
}

private let roundRobinRules = """
    -A -t 192.0.2.10:80 -s rr
    -a -t 192.0.2.10:80 -r 198.51.100.1:80 -m -w 1
    -a -t 192.0.2.10:80 -r 198.51.100.2:8080 -m -w 1
    """

@Suite struct ReplayTests {
    @Test func roundRobinStartsAtTheNewestServer() throws {
        let printed = try replay(rules: roundRobinRules, events: """
            open a tcp 203.0.113.1:1000 192.0.2.10:80
            open b tcp 203.0.113.1:1001 192.0.2.10:80
            open c tcp 203.0.113.1:1002 192.0.2.10:80
            """)
        #expect(printed == ["a 198.51.100.2:8080", "b 198.51.100.1:80", "c 198.51.100.2:8080"])
    }

    @Test func aConnectionToAnUnknownServiceFindsNoServer() throws {
        let printed = try replay(rules: roundRobinRules, events: "open a tcp 203.0.113.1:1000 192.0.2.99:80")
        #expect(printed == ["a -"])
    }

    @Test func closingAConnectionThatFoundNoServerChangesNothing() throws {
        let printed = try replay(rules: roundRobinRules, events: """
            open a udp 203.0.113.1:1000 192.0.2.10:80
            close a
            expire a
            """)
        #expect(printed == ["a -"])
    }

    @Test func ruleEventsChangeTheTableMidway() throws {
        let printed = try replay(rules: roundRobinRules, events: """
            rule -e -t 192.0.2.10:80 -r 198.51.100.2:8080 -m -w 0
            open a tcp 203.0.113.1:1000 192.0.2.10:80
            open b tcp 203.0.113.1:1001 192.0.2.10:80
            """)
        #expect(printed == ["a 198.51.100.1:80", "b 198.51.100.1:80"])
    }

    @Test func aPersistentClientReturnsToItsServerWhateverTheScheduler() throws {
        let printed = try replay(rules: """
            -A -t 192.0.2.10:80 -s rr -p 300
            -a -t 192.0.2.10:80 -r 198.51.100.1:80 -m
            -a -t 192.0.2.10:80 -r 198.51.100.2:80 -m
            """, events: """
            open a tcp 203.0.113.1:1000 192.0.2.10:80
            open b tcp 203.0.113.2:1000 192.0.2.10:80
            open c tcp 203.0.113.1:1001 192.0.2.10:80
            """)
        #expect(printed == ["a 198.51.100.2:80", "b 198.51.100.1:80", "c 198.51.100.2:80"])
    }

    @Test func firewallMarkEventsReachTheMarkService() throws {
        let printed = try replay(rules: """
            -A -f 7 -s rr
            -a -f 7 -r 198.51.100.1:80 -m
            """, events: "open a fwmark=7 203.0.113.1:1000 192.0.2.100:80")
        #expect(printed == ["a 198.51.100.1:80"])
    }

    @Test func ipv6ServersPrintInBrackets() throws {
        let printed = try replay(rules: """
            -A -t [2001:db8::10]:80 -s rr
            -a -t [2001:db8::10]:80 -r [2001:db8::1]:80 -m
            """, events: "open a tcp [2001:db8::99]:1000 [2001:db8::10]:80")
        #expect(printed == ["a [2001:db8::1]:80"])
    }
}

@Suite struct ReplayErrorTests {
    @Test func aBadRuleNamesItsLine() {
        #expect(throws: SimulationError.self) {
            _ = try replay(rules: roundRobinRules, events: "\nrule -a -t 192.0.2.10:80 -r 198.51.100.9:80 -w banana")
        }
    }

    @Test func unknownEventsAreRejectedWithTheirLine() throws {
        do {
            _ = try replay(rules: roundRobinRules, events: "# comment\n\nteleport a")
            Issue.record("expected an error")
        } catch let error as SimulationError {
            #expect(error.line == 3)
        }
    }

    @Test func anUnknownSchedulerIsRefusedAsTheKernelWould() {
        #expect(throws: SimulationError.self) {
            _ = try replay(rules: "-A -t 192.0.2.10:80 -s nosuch", events: "")
        }
    }

    @Test func hugeAdvancesAreRejectedRatherThanOverflowing() {
        #expect(throws: SimulationError.self) {
            _ = try replay(rules: roundRobinRules, events: "advance 99999999999999999999999")
        }
    }
}
