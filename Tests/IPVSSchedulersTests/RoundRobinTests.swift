import Testing
@testable import IPVSSchedulers

@Suite struct RoundRobinTests {
    @Test func cyclesThroughTheListNewestFirst() throws {
        var (service, ids) = try makeService(.rr, listWeights: [1, 5, 1])
        #expect(service.picks(6) == [ids[0], ids[1], ids[2], ids[0], ids[1], ids[2]])
    }

    @Test func skipsWeightZeroAndOverloadedServers() throws {
        var (service, ids) = try makeService(.rr, listWeights: [1, 0, 1, 1])
        service.setCounters(ids[2], overloaded: true)
        #expect(service.picks(4) == [ids[0], ids[3], ids[0], ids[3]])
    }

    @Test func choosesTheLastChoiceAgainWhenItIsTheOnlyEligible() throws {
        var (service, ids) = try makeService(.rr, listWeights: [0, 1, 0])
        #expect(service.picks(3) == [ids[1], ids[1], ids[1]])
    }

    @Test func findsNothingWhenNoServerIsEligible() throws {
        var (service, ids) = try makeService(.rr, listWeights: [0, 0])
        #expect(service.picks(1) == [nil])
        #expect(service.scheduler.roundRobin.position == nil)
        service.setCounters(ids[0], overloaded: true)
        try service.editDestination(server(0), port: 80, DestinationSettings(weight: 1))
        #expect(service.picks(1) == [nil])
    }

    @Test func aNewServerIsReachedWhenTheWalkWraps() throws {
        var (service, ids) = try makeService(.rr, listWeights: [1, 1, 1])  // C, B, A
        #expect(service.picks(2) == [ids[0], ids[1]])  // position B
        let added = try service.addDestination(v4(10, 0, 0, 99), port: 80)  // D, C, B, A
        #expect(service.picks(4) == [ids[2], added, ids[0], ids[1]])
    }

    @Test func removingThePositionContinuesWithTheFollowingServer() throws {
        var (service, ids) = try makeService(.rr, listWeights: [1, 1, 1])  // C, B, A
        #expect(service.picks(2) == [ids[0], ids[1]])  // position B
        try service.removeDestination(server(1), port: 80)
        #expect(service.scheduler.roundRobin.position == ids[0])
        #expect(service.picks(2) == [ids[2], ids[0]])
    }

    @Test func removingTheHeadPositionReturnsToTheListHead() throws {
        var (service, ids) = try makeService(.rr, listWeights: [1, 1, 1])
        #expect(service.picks(1) == [ids[0]])
        try service.removeDestination(server(0), port: 80)
        #expect(service.scheduler.roundRobin.position == nil)
        #expect(service.picks(1) == [ids[1]])
    }

    @Test func weightEditsDoNotMoveThePosition() throws {
        var (service, ids) = try makeService(.rr, listWeights: [1, 1, 1])
        #expect(service.picks(1) == [ids[0]])
        try service.editDestination(server(1), port: 80, DestinationSettings(weight: 9))
        #expect(service.picks(1) == [ids[1]])
    }
}

@Suite struct WeightedRoundRobinTests {
    /// wrr initialised on the complete list (as after `ipvsadm -E -s wrr`): `cw = mw`.
    private func freshService(listWeights weights: [Int32]) throws -> (IPVSServiceState, [DestinationID]) {
        var (service, ids) = try makeService(.rr, listWeights: weights)
        service.setScheduler(.wrr)
        return (service, ids)
    }

    @Test func addingServersOneByOneKeepsTheFirstServersThreshold() throws {
        // Created empty (cw = mw = 0), then adds of weights 1, 2, 3: the first add sets cw = 1
        // and later adds keep it, so the first pass admits every server.
        var (service, ids) = try makeService(.wrr, listWeights: [3, 2, 1])
        #expect(service.scheduler.weightedRoundRobin.currentWeight == 1)
        let (a, b, c) = (ids[0], ids[1], ids[2])
        #expect(service.picks(9) == [a, b, c, a, a, b, a, b, c])
    }

    @Test func weights3_2_1GiveTheKernelSequence() throws {
        var (service, ids) = try freshService(listWeights: [3, 2, 1])
        let (a, b, c) = (ids[0], ids[1], ids[2])
        #expect(service.picks(12) == [a, a, b, a, b, c, a, a, b, a, b, c])
    }

    @Test func weights4_3_2GiveTheDocumentedSequence() throws {
        var (service, ids) = try freshService(listWeights: [4, 3, 2])
        let (a, b, c) = (ids[0], ids[1], ids[2])
        #expect(service.picks(9) == [a, a, b, a, b, c, a, b, c])
    }

    @Test func gcdStepAlternatesThresholds3And1ForWeights4And2() throws {
        var (service, ids) = try freshService(listWeights: [4, 2])
        #expect(service.scheduler.weightedRoundRobin.step == 2)
        #expect(service.scheduler.weightedRoundRobin.maximumWeight == 3)
        let (a, b) = (ids[0], ids[1])
        #expect(service.picks(6) == [a, a, b, a, a, b])
    }

    @Test func everyCycleHandsOutEachWeight() throws {
        for weights: [Int32] in [[1], [2, 1], [5, 3, 1], [6, 4, 2], [7, 7, 1, 3]] {
            var (service, ids) = try freshService(listWeights: weights)
            let total = Int(weights.reduce(0, +))
            let picks = service.picks(total)
            for (position, id) in ids.enumerated() {
                #expect(picks.filter { $0 == id }.count == Int(weights[position]), "\(weights)")
            }
        }
    }

    @Test func weightZeroServersAreNeverChosen() throws {
        var (service, ids) = try freshService(listWeights: [0, 2, 0, 1])
        #expect(service.picks(6) == [ids[1], ids[1], ids[3], ids[1], ids[1], ids[3]])
    }

    @Test func allWeightsZeroFindsNothing() throws {
        var (service, _) = try freshService(listWeights: [0, 0])
        #expect(service.scheduler.weightedRoundRobin.maximumWeight == 0)
        #expect(service.picks(1) == [nil])
    }

    @Test func overloadedServersAreSkipped() throws {
        var (service, ids) = try freshService(listWeights: [3, 2, 1])
        service.setCounters(ids[0], overloaded: true)
        #expect(service.picks(3) == [ids[1], ids[1], ids[2]])
    }

    @Test func allOverloadedFailsAndLeavesPositionAtTheHead() throws {
        var (service, ids) = try freshService(listWeights: [2, 1])
        #expect(service.picks(1) == [ids[0]])
        for id in ids { service.setCounters(id, overloaded: true) }
        #expect(service.picks(1) == [nil])
        #expect(service.scheduler.weightedRoundRobin.position == -1)
    }

    @Test func aWeightChangeRestartsFromTheHeadAndRealignsTheThreshold() throws {
        var (service, ids) = try freshService(listWeights: [3, 2, 1])
        #expect(service.picks(2) == [ids[0], ids[0]])  // cw = 2
        try service.editDestination(server(2), port: 80, DestinationSettings(weight: 2))
        let state = service.scheduler.weightedRoundRobin
        #expect(state.position == -1 && state.currentWeight == 2 && state.step == 1)
        #expect(service.picks(3) == [ids[0], ids[1], ids[2]])
    }

    @Test func aNewServerResetsThePositionAndClampsTheThreshold() throws {
        var (service, ids) = try freshService(listWeights: [4, 2])
        #expect(service.picks(1) == [ids[0]])  // cw = 3
        let added = try service.addDestination(v4(10, 0, 0, 50), port: 80, DestinationSettings(weight: 2))
        // gcd stays 2, mw 3; cw 3 -> (3 / 2) * 2 + 1 = 3; position at the head.
        #expect(service.scheduler.weightedRoundRobin.currentWeight == 3)
        #expect(service.picks(3) == [ids[0], added, ids[0]])
    }
}
