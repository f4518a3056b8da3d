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

    @Test func aPersistentFirewallMarkServiceConnectsToThePortTheClientAsked() throws {
        let printed = try replay(rules: """
            -A -f 9 -s rr -p 900
            -a -f 9 -r 198.51.100.1:8080 -m
            """, events: "open a fwmark=9 203.0.113.1:1000 192.0.2.100:80")
        #expect(printed == ["a 198.51.100.1:80"])
    }

    @Test func aPersistentPortZeroServiceConnectsToThePortTheClientAsked() throws {
        let printed = try replay(rules: """
            -A -t 192.0.2.10:0 -s rr -p 900
            -a -t 192.0.2.10:0 -r 198.51.100.1 -m
            """, events: """
            open a tcp 203.0.113.1:1000 192.0.2.10:22
            open b tcp 203.0.113.1:1001 192.0.2.10:443
            """)
        #expect(printed == ["a 198.51.100.1:22", "b 198.51.100.1:443"])
    }

    @Test func aClientOfTheOtherAddressFamilyFindsNoServer() throws {
        let printed = try replay(rules: """
            -A -t [2001:db8::10]:80 -s rr
            -a -t [2001:db8::10]:80 -r [2001:db8::1]:80 -m
            -A -f 7 -s rr
            -a -f 7 -r 198.51.100.1:80 -m
            """, events: """
            open a tcp 203.0.113.1:1000 [2001:db8::10]:80
            open b fwmark=7 [2001:db8::99]:1000 192.0.2.100:80
            open c tcp [2001:db8::99]:1000 [2001:db8::10]:80
            """)
        #expect(printed == ["a -", "b -", "c [2001:db8::1]:80"])
    }

    @Test func ipv6ServersPrintInBrackets() throws {
        let printed = try replay(rules: """
            -A -t [2001:db8::10]:80 -s rr
            -a -t [2001:db8::10]:80 -r [2001:db8::1]:80 -m
            """, events: "open a tcp [2001:db8::99]:1000 [2001:db8::10]:80")
        #expect(printed == ["a [2001:db8::1]:80"])
    }
}

/// Plays `events` and returns the replay itself, to look at the director's counters.
private func played(rules: String, events: String) throws -> Replay {
    var replay = Replay(director: SimulatedDirector(), resolver: NumericOnlyResolver())
    try replay.load(rules: rules)
    for (index, line) in events.split(separator: "\n").enumerated() {
        guard let event = try ReplayEvent.parse(line, lineNumber: index + 1, resolver: NumericOnlyResolver()) else { continue }
        _ = try replay.play(event, lineNumber: index + 1)
    }
    return replay
}

private let sctpRules = """
    -A --sctp-service 192.0.2.10:80 -s rr
    -a --sctp-service 192.0.2.10:80 -r 198.51.100.1:80 -m
    """

@Suite struct ReplayConnectionStateTests {
    private func counters(_ replay: Replay) -> (active: Int32, inactive: Int32)? {
        guard let service = replay.director.services.values.first,
              let dest = service.destinations.destinations.first else { return nil }
        return (dest.activeConnections, dest.inactiveConnections)
    }

    @Test func anSCTPOpenIsAnEstablishedAssociationCountedActive() throws {
        let replay = try played(rules: sctpRules, events: "open a sctp 203.0.113.1:1000 192.0.2.10:80")
        #expect(counters(replay)?.active == 1)
        #expect(counters(replay)?.inactive == 0)
    }

    @Test func closingAnSCTPAssociationEndsItAsExpireDoes() throws {
        let replay = try played(rules: sctpRules, events: """
            open a sctp 203.0.113.1:1000 192.0.2.10:80
            close a
            """)
        #expect(counters(replay)?.active == 0)
        #expect(counters(replay)?.inactive == 0)
    }

    @Test func expiringAConnectionOfADeletedServerLeavesItCountedWhenRevived() throws {
        let replay = try played(rules: """
            -A -t 192.0.2.10:80 -s rr
            -a -t 192.0.2.10:80 -r 198.51.100.1:80 -m
            """, events: """
            open a tcp 203.0.113.1:1000 192.0.2.10:80
            rule -d -t 192.0.2.10:80 -r 198.51.100.1:80
            expire a
            rule -a -t 192.0.2.10:80 -r 198.51.100.1:80 -m
            """)
        #expect(counters(replay)?.active == 1)
        #expect(counters(replay)?.inactive == 0)
    }

    @Test func closingAConnectionOfADeletedServerMakesItInactiveOnTheRevivedServer() throws {
        let replay = try played(rules: """
            -A -t 192.0.2.10:80 -s rr
            -a -t 192.0.2.10:80 -r 198.51.100.1:80 -m
            """, events: """
            open a tcp 203.0.113.1:1000 192.0.2.10:80
            open b tcp 203.0.113.1:1001 192.0.2.10:80
            rule -d -t 192.0.2.10:80 -r 198.51.100.1:80
            close a
            rule -a -t 192.0.2.10:80 -r 198.51.100.1:80 -m -w 3
            """)
        #expect(counters(replay)?.active == 1)
        #expect(counters(replay)?.inactive == 1)
    }

    @Test func leastConnectionCountsAConnectionClosedWhileItsServerWasDeletedAsInactive() throws {
        // Three active on each server; two of .1's close while it is deleted: re-added (with
        // weight 2) it has overhead 256 + 2 against 768, so it takes the next two connections.
        let printed = try replay(rules: """
            -A -t 192.0.2.10:80 -s lc
            -a -t 192.0.2.10:80 -r 198.51.100.1:80 -m
            -a -t 192.0.2.10:80 -r 198.51.100.2:80 -m
            """, events: """
            open a tcp 203.0.113.1:1000 192.0.2.10:80
            open b tcp 203.0.113.1:1001 192.0.2.10:80
            open c tcp 203.0.113.1:1002 192.0.2.10:80
            open d tcp 203.0.113.1:1003 192.0.2.10:80
            open e tcp 203.0.113.1:1004 192.0.2.10:80
            open f tcp 203.0.113.1:1005 192.0.2.10:80
            rule -d -t 192.0.2.10:80 -r 198.51.100.1:80
            close b
            close d
            rule -a -t 192.0.2.10:80 -r 198.51.100.1:80 -m -w 2
            open g tcp 203.0.113.1:1006 192.0.2.10:80
            open h tcp 203.0.113.1:1007 192.0.2.10:80
            """)
        #expect(printed.suffix(2) == ["g 198.51.100.1:80", "h 198.51.100.1:80"])
    }

    @Test func closingOrExpiringAConnectionOfADeletedServiceChangesNothing() throws {
        let printed = try replay(rules: roundRobinRules, events: """
            open a tcp 203.0.113.1:1000 192.0.2.10:80
            open b tcp 203.0.113.1:1001 192.0.2.10:80
            rule -D -t 192.0.2.10:80
            close a
            expire b
            """)
        #expect(printed == ["a 198.51.100.2:8080", "b 198.51.100.1:80"])
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

    @Test func advancesThatWouldRunTheClockPastItsLimitAreRejected() throws {
        let maximal = "advance \(1 << 40)\n"
        let allowed = Int(Replay.maximumElapsedSeconds >> 40)
        _ = try replay(rules: roundRobinRules, events: String(repeating: maximal, count: allowed))
        #expect(throws: SimulationError.self) {
            _ = try replay(rules: roundRobinRules, events: String(repeating: maximal, count: allowed + 1))
        }
    }

    @Test func hugeAdvancesAreRejectedRatherThanOverflowing() {
        #expect(throws: SimulationError.self) {
            _ = try replay(rules: roundRobinRules, events: "advance 99999999999999999999999")
        }
    }
}
