import Testing
@testable import IPVSSchedulers

@Suite struct LeastConnectionTests {
    @Test func lcPicksTheSmallestActiveTimes256PlusInactive() throws {
        var (service, ids) = try makeService(.lc, listWeights: [1, 1, 1])
        service.load(ids, active: [1, 0, 0], inactive: [0, 300, 255])
        #expect(service.picks(1) == [ids[2]])
    }

    @Test func lcTiesGoToTheNewestServer() throws {
        var (service, ids) = try makeService(.lc, listWeights: [1, 1, 1])
        service.load(ids, active: [1, 0, 0])
        #expect(service.picks(1) == [ids[1]])
    }

    @Test func lcIgnoresWeightsAboveZero() throws {
        var (service, ids) = try makeService(.lc, listWeights: [1, 100])
        service.load(ids, active: [0, 1])
        #expect(service.picks(1) == [ids[0]])
    }

    @Test func lcSkipsWeightZeroAndOverloaded() throws {
        var (service, ids) = try makeService(.lc, listWeights: [0, 1, 1])
        service.load(ids, active: [0, 0, 5])
        service.setCounters(ids[1], overloaded: true)
        #expect(service.picks(1) == [ids[2]])
    }

    @Test func wlcComparesOverheadOverWeightByCrossMultiplication() throws {
        var (service, ids) = try makeService(.wlc, listWeights: [1, 3])
        service.load(ids, active: [1, 2])  // 256/1 vs 512/3
        #expect(service.picks(1) == [ids[1]])
    }

    @Test func wlcTiesKeepTheEarlierServer() throws {
        var (service, ids) = try makeService(.wlc, listWeights: [1, 2])
        service.load(ids, active: [1, 2])  // 256 * 2 == 512 * 1
        #expect(service.picks(1) == [ids[0]])
    }

    @Test func wlcNeverPicksWeightZero() throws {
        var (service, ids) = try makeService(.wlc, listWeights: [1, 0])
        service.load(ids, active: [50, 0])
        #expect(service.picks(1) == [ids[0]])
    }

    @Test func wlcAllIdleGoesToTheNewest() throws {
        var (service, ids) = try makeService(.wlc, listWeights: [1, 5, 9])
        #expect(service.picks(1) == [ids[0]])
    }

    @Test func sedUsesActivePlusOneAndIgnoresInactive() throws {
        var (service, ids) = try makeService(.sed, listWeights: [1, 2])
        service.load(ids, active: [0, 1], inactive: [0, 1000])  // 1/1 vs 2/2: tie -> earlier
        #expect(service.picks(1) == [ids[0]])
        service.load(ids, active: [1, 1], inactive: [0, 1000])  // 2/1 vs 2/2
        #expect(service.picks(1) == [ids[1]])
    }

    @Test func nqSendsToTheFirstIdleServerRegardlessOfWeight() throws {
        var (service, ids) = try makeService(.nq, listWeights: [10, 1, 1])
        service.load(ids, active: [1, 0, 0], inactive: [0, 500, 0])
        #expect(service.picks(1) == [ids[1]])
    }

    @Test func nqFallsBackToSedWhenNoneIsIdle() throws {
        var (service, ids) = try makeService(.nq, listWeights: [1, 4])
        service.load(ids, active: [1, 3])  // 2/1 vs 4/4
        #expect(service.picks(1) == [ids[1]])
    }

    @Test func nqSkipsIdleButQuiescedServers() throws {
        var (service, ids) = try makeService(.nq, listWeights: [0, 1])
        service.load(ids, active: [0, 7])
        #expect(service.picks(1) == [ids[1]])
    }

    @Test func scanningSchedulersFindNothingWithoutUsableServers() throws {
        for name: SchedulerName in [.lc, .wlc, .sed, .nq, .fo, .ovf, .twos] {
            var (service, ids) = try makeService(name, listWeights: [0, 1])
            service.setCounters(ids[1], overloaded: true)
            #expect(service.picks(1) == [nil], "\(name)")
        }
    }
}

@Suite struct FailoverAndOverflowTests {
    @Test func foPicksTheHighestWeightIgnoringLoad() throws {
        var (service, ids) = try makeService(.fo, listWeights: [2, 5, 3])
        service.load(ids, active: [0, 900, 0])
        #expect(service.picks(1) == [ids[1]])
    }

    @Test func foTiesGoToTheNewest() throws {
        var (service, ids) = try makeService(.fo, listWeights: [1, 5, 5])
        #expect(service.picks(1) == [ids[1]])
    }

    @Test func foSkipsOverloaded() throws {
        var (service, ids) = try makeService(.fo, listWeights: [5, 3])
        service.setCounters(ids[0], overloaded: true)
        #expect(service.picks(1) == [ids[1]])
    }

    @Test func ovfKeepsAServerWhileActiveEqualsWeight() throws {
        var (service, ids) = try makeService(.ovf, listWeights: [1, 3])
        service.load(ids, active: [0, 3])
        #expect(service.picks(1) == [ids[1]])
    }

    @Test func ovfOverflowsWhenActiveExceedsWeight() throws {
        var (service, ids) = try makeService(.ovf, listWeights: [1, 3])
        service.load(ids, active: [0, 4])
        #expect(service.picks(1) == [ids[0]])
    }

    @Test func ovfIgnoresInactiveConnections() throws {
        var (service, ids) = try makeService(.ovf, listWeights: [1, 3])
        service.load(ids, active: [0, 0], inactive: [0, 10000])
        #expect(service.picks(1) == [ids[1]])
    }

    @Test func ovfFillsServersInWeightOrderAsConnectionsOpen() throws {
        var (service, ids) = try makeService(.ovf, listWeights: [1, 2])
        var chosen: [DestinationID?] = []
        for n in 0..<6 {
            let outcome = try service.open(ConnectionID(UInt64(n)), .tcp, client: v4(1, 1, 1, 1), clientPort: UInt16(n), virtual: vip, virtualPort: 80)
            chosen.append(outcome.destination)
        }
        #expect(chosen == [ids[1], ids[1], ids[1], ids[0], ids[0], nil])
    }
}
