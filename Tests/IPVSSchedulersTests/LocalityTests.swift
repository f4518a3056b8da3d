import Testing
@testable import IPVSSchedulers

@Suite struct LocalityBasedLeastConnectionTests {
    let site = v4(203, 0, 113, 10)

    @Test func reusesTheCachedServerForADestinationAddress() throws {
        var (service, ids) = try makeService(.lblc, listWeights: [1, 1])
        #expect(service.picks(1, request(to: site)) == [ids[0]])
        service.load(ids, active: [1, 0])  // wlc would now pick ids[1]
        #expect(service.picks(1, request(to: site)) == [ids[0]])
        #expect(service.picks(1, request(to: v4(203, 0, 113, 11))) == [ids[1]])
    }

    @Test func ignoresTheOverloadFlagOfTheCachedServer() throws {
        var (service, ids) = try makeService(.lblc, listWeights: [1, 1])
        #expect(service.picks(1, request(to: site)) == [ids[0]])
        service.setCounters(ids[0], overloaded: true)
        #expect(service.picks(1, request(to: site)) == [ids[0]])
    }

    @Test func leavesAServerActiveBeyondItsWeightWhileAnotherIsUnderHalf() throws {
        var (service, ids) = try makeService(.lblc, listWeights: [2, 4])
        #expect(service.picks(1, request(to: site)) == [ids[0]])
        service.load(ids, active: [3, 1])  // 3 > 2, and 2 * 1 < 4
        #expect(service.picks(1, request(to: site)) == [ids[1]])
        #expect(service.scheduler.localityBased?.table[site]?.payload == ids[1])
    }

    @Test func keepsAServerActiveBeyondItsWeightWhenNoOtherIsUnderHalf() throws {
        var (service, ids) = try makeService(.lblc, listWeights: [2, 4])
        #expect(service.picks(1, request(to: site)) == [ids[0]])
        service.load(ids, active: [3, 2])  // 2 * 2 == 4: not under half
        #expect(service.picks(1, request(to: site)) == [ids[0]])
    }

    @Test func repicksWhenTheCachedServerWasRemovedOrQuiesced() throws {
        var (service, ids) = try makeService(.lblc, listWeights: [1, 1, 1])
        #expect(service.picks(1, request(to: site)) == [ids[0]])
        try service.editDestination(server(0), port: 80, DestinationSettings(weight: 0))
        #expect(service.picks(1, request(to: site)) == [ids[1]])
        try service.removeDestination(server(1), port: 80)
        #expect(service.picks(1, request(to: site)) == [ids[2]])
    }

    @Test func entriesExpireAtTheFullCheckAfterTheExpiration() throws {
        let settings = IPVSSettings(lblcExpirationSeconds: 600)
        var (service, ids) = try makeService(.lblc, listWeights: [1, 1], settings: settings)
        #expect(service.picks(1, request(to: site)) == [ids[0]])
        service.advance(seconds: 29 * 60)
        #expect(service.scheduler.localityBased?.table[site] != nil)
        service.advance(seconds: 60)  // the 30th tick runs the full check
        #expect(service.scheduler.localityBased?.table[site] == nil)
    }

    @Test func aRecentlyUsedEntrySurvivesTheFullCheck() throws {
        let settings = IPVSSettings(lblcExpirationSeconds: 600)
        var (service, ids) = try makeService(.lblc, listWeights: [1, 1], settings: settings)
        #expect(service.picks(1, request(to: site)) == [ids[0]])
        service.advance(seconds: 25 * 60)
        #expect(service.picks(1, request(to: site)) == [ids[0]])
        service.advance(seconds: 5 * 60)
        #expect(service.scheduler.localityBased?.table[site] != nil)
        #expect(service.scheduler.localityBased?.table.counter == 1)
    }

    @Test func aVeryLongAdvanceOnAnEmptyTableCountsItsTicksInOneStep() throws {
        var (stepped, _) = try makeService(.lblc, listWeights: [1, 1])
        var jumped = stepped
        for _ in 0..<97 { stepped.advance(seconds: 60) }
        jumped.advance(seconds: 97 * 60 + 59)
        #expect(jumped.scheduler.localityBased?.table.counter == stepped.scheduler.localityBased?.table.counter)
        #expect(jumped.scheduler.localityBased?.table.nextTick == stepped.scheduler.localityBased?.table.nextTick)
        // 2^40 seconds is ~18 billion ticks: done at once.
        jumped.advance(seconds: 1 << 40)
        #expect(jumped.scheduler.localityBased?.table.entries.isEmpty == true)
    }
}

@Suite struct LocalityBasedReplicationTests {
    let site = v4(203, 0, 113, 10)

    @Test func aNewAddressStartsASetWithTheWlcChoice() throws {
        var (service, ids) = try makeService(.lblcr, listWeights: [1, 1])
        service.load(ids, active: [1, 0])
        #expect(service.picks(1, request(to: site)) == [ids[1]])
        #expect(service.scheduler.localityBasedReplicated?.table[site]?.payload.members == [ids[1]])
    }

    @Test func theSetGrowsWhenItsLeastLoadedMemberIsOverloaded() throws {
        var (service, ids) = try makeService(.lblcr, listWeights: [1, 4])
        #expect(service.picks(1, request(to: site)) == [ids[0]])
        service.load(ids, active: [2, 1])  // 2 > 1 and 2 * 1 < 4
        #expect(service.picks(1, request(to: site)) == [ids[1]])
        #expect(service.scheduler.localityBasedReplicated?.table[site]?.payload.members == [ids[1], ids[0]])
    }

    @Test func picksTheLeastLoadedMemberOfTheSet() throws {
        var (service, ids) = try makeService(.lblcr, listWeights: [1, 4, 1])
        #expect(service.picks(1, request(to: site)) == [ids[0]])
        service.load(ids, active: [2, 1, 5])
        #expect(service.picks(1, request(to: site)) == [ids[1]])  // set: [1, 0]
        service.load(ids, active: [0, 1, 5])  // 0 vs 256/4: ids[0] is less loaded
        #expect(service.picks(1, request(to: site)) == [ids[0]])
    }

    @Test func theSetShrinksByTheMostLoadedMemberAfterTheExpiration() throws {
        let settings = IPVSSettings(lblcrExpirationSeconds: 600)
        var (service, ids) = try makeService(.lblcr, listWeights: [1, 4], settings: settings)
        #expect(service.picks(1, request(to: site)) == [ids[0]])
        service.load(ids, active: [2, 1])
        #expect(service.picks(1, request(to: site)) == [ids[1]])
        service.load(ids, active: [0, 1])
        service.advance(seconds: 600)
        // Not yet strictly after lastmod + expiration.
        #expect(service.picks(1, request(to: site)) == [ids[0]])
        #expect(service.scheduler.localityBasedReplicated?.table[site]?.payload.members.count == 2)
        service.advance(seconds: 1)
        // set_max: 0/1 vs 256/4 -> ids[1] is erased; set_min (ids[0]) was computed first.
        #expect(service.picks(1, request(to: site)) == [ids[0]])
        #expect(service.scheduler.localityBasedReplicated?.table[site]?.payload.members == [ids[0]])
    }

    @Test func atMostOneMemberIsErasedPerExpirationPeriod() throws {
        let settings = IPVSSettings(lblcrExpirationSeconds: 600)
        var (service, ids) = try makeService(.lblcr, listWeights: [1, 4, 8], settings: settings)
        #expect(service.picks(1, request(to: site)) == [ids[0]])
        service.load(ids, active: [2, 0, 0])
        #expect(service.picks(1, request(to: site)) == [ids[1]])
        service.load(ids, active: [2, 5, 0])
        #expect(service.picks(1, request(to: site)) == [ids[2]])
        #expect(service.scheduler.localityBasedReplicated?.table[site]?.payload.members.count == 3)
        service.load(ids, active: [0, 0, 0])
        service.advance(seconds: 601)
        _ = service.picks(2, request(to: site))
        #expect(service.scheduler.localityBasedReplicated?.table[site]?.payload.members.count == 2)
    }

    @Test func aNewAddressWithNoUsableServerFindsNothing() throws {
        var (service, _) = try makeService(.lblcr, listWeights: [0])
        #expect(service.picks(1, request(to: site)) == [nil])
        #expect(service.scheduler.localityBasedReplicated?.table[site] == nil)
    }
}
