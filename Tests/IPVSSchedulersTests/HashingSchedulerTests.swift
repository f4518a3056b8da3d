import Testing
@testable import IPVSSchedulers

@Suite struct SourceHashingTests {
    @Test func bucketsMatchTheGoldenRatioHashVectors() throws {
        #expect(SourceHashing.bucket(address: v4(192, 168, 1, 100), port: 0, bits: 8) == 89)
        #expect(SourceHashing.bucket(address: v4(192, 168, 1, 101), port: 0, bits: 8) == 187)
        #expect(SourceHashing.bucket(address: v4(10, 1, 2, 3), port: 0, bits: 8) == 2)
        let v6 = try #require(NetAddress("2001:db8::1"))
        #expect(SourceHashing.bucket(address: v6, port: 0, bits: 8) == 63)
        #expect(SourceHashing.bucket(address: v4(192, 168, 1, 100), port: 40000, bits: 8) == 253)
    }

    @Test func fillingReplicatesEachServerWeightTimesInListOrder() throws {
        let (service, _) = try makeService(.sh, listWeights: [1, 2, 1])  // C, B, A
        let buckets = try #require(service.scheduler.sourceHashing?.buckets)
        #expect(buckets.count == 256)
        #expect(Array(buckets.prefix(8)) == [0, 1, 1, 2, 0, 1, 1, 2])
    }

    @Test func bucketCountsFollowTheWeightsOverTheWholeTable() throws {
        let (service, _) = try makeService(.sh, listWeights: [3, 1])
        let buckets = try #require(service.scheduler.sourceHashing?.buckets)
        // 256 = 64 rounds of 4: 3 + 1.
        #expect(buckets.filter { $0 == 0 }.count == 192)
        #expect(buckets.filter { $0 == 1 }.count == 64)
    }

    @Test func weightZeroStillGetsOneBucketPerRound() throws {
        let (service, _) = try makeService(.sh, listWeights: [0, 2])
        let buckets = try #require(service.scheduler.sourceHashing?.buckets)
        #expect(Array(buckets.prefix(6)) == [0, 1, 1, 0, 1, 1])
        #expect(buckets.filter { $0 == 0 }.count == 86)
    }

    @Test func anEmptyListLeavesEveryBucketEmpty() throws {
        var (service, _) = try makeService(.sh, listWeights: [])
        #expect(service.scheduler.sourceHashing?.buckets.allSatisfy { $0 == -1 } == true)
        #expect(service.picks(1) == [nil])
    }

    @Test func sameClientAlwaysGetsTheSameServer() throws {
        var (service, ids) = try makeService(.sh, listWeights: [1, 1, 1])
        // 192.168.1.100 hashes to bucket 89: 89 % 3 == 2.
        let client = request(from: v4(192, 168, 1, 100), port: 1)
        #expect(service.picks(3, client) == [ids[2], ids[2], ids[2]])
    }

    @Test func shPortHashesTheSourcePortToo() throws {
        var (service, ids) = try makeService(.sh, listWeights: [1, 1, 1], flags: .port)
        // Bucket 253: 253 % 3 == 1.
        #expect(service.picks(1, request(from: v4(192, 168, 1, 100), port: 40000)) == [ids[1]])
    }

    @Test func anUnusableServerGivesNothingWithoutFallback() throws {
        var (service, ids) = try makeService(.sh, listWeights: [1, 1, 1])
        service.setCounters(ids[2], overloaded: true)
        #expect(service.picks(1, request(from: v4(192, 168, 1, 100))) == [nil])
    }

    @Test func fallbackProbesStartAtTwiceTheHash() throws {
        var (service, ids) = try makeService(.sh, listWeights: [1, 1, 1], flags: .fallback)
        service.setCounters(ids[2], overloaded: true)
        // h = 89; first probe is bucket 178 (178 % 3 == 1), not 90 (90 % 3 == 0).
        #expect(service.picks(1, request(from: v4(192, 168, 1, 100))) == [ids[1]])
    }

    @Test func fallbackSkipsEveryUnusableProbe() throws {
        var (service, ids) = try makeService(.sh, listWeights: [1, 1, 1], flags: .fallback)
        service.setCounters(ids[2], overloaded: true)
        service.setCounters(ids[1], overloaded: true)
        // Probes 178 (1), 179 (2), 180 (0).
        #expect(service.picks(1, request(from: v4(192, 168, 1, 100))) == [ids[0]])
    }

    @Test func weightEditsRefillTheTable() throws {
        var (service, _) = try makeService(.sh, listWeights: [1, 1])
        try service.editDestination(server(0), port: 80, DestinationSettings(weight: 3))
        let buckets = try #require(service.scheduler.sourceHashing?.buckets)
        #expect(Array(buckets.prefix(8)) == [0, 0, 0, 1, 0, 0, 0, 1])
    }
}

@Suite struct DestinationHashingTests {
    @Test func fillingGivesOneBucketPerServerPerRoundIgnoringWeights() throws {
        let (service, _) = try makeService(.dh, listWeights: [5, 1, 0])
        let buckets = try #require(service.scheduler.destinationHashing?.buckets)
        #expect(Array(buckets.prefix(6)) == [0, 1, 2, 0, 1, 2])
    }

    @Test func hashesThePacketDestinationAddress() throws {
        var (service, ids) = try makeService(.dh, listWeights: [1, 1, 1])
        // Destination 192.168.1.101 -> bucket 187 -> 187 % 3 == 1, whatever the client.
        for client in [v4(1, 2, 3, 4), v4(5, 6, 7, 8)] {
            #expect(service.picks(1, request(from: client, to: v4(192, 168, 1, 101))) == [ids[1]])
        }
    }

    @Test func aQuiescedServerGivesNothingAndIsNotRehashed() throws {
        var (service, _) = try makeService(.dh, listWeights: [1, 1, 1])
        let before = service.scheduler.destinationHashing?.buckets
        try service.editDestination(server(1), port: 80, DestinationSettings(weight: 0))
        #expect(service.scheduler.destinationHashing?.buckets == before)
        #expect(service.picks(1, request(to: v4(192, 168, 1, 101))) == [nil])
    }

    @Test func removingAServerRefillsTheTable() throws {
        var (service, ids) = try makeService(.dh, listWeights: [1, 1, 1])
        try service.removeDestination(server(0), port: 80)
        // Now ids[1], ids[2]; bucket 187 % 2 == 1.
        #expect(service.picks(1, request(to: v4(192, 168, 1, 101))) == [ids[2]])
    }
}

@Suite struct MaglevHashingTests {
    /// 10.0.0.1, .2, .3 added in that order (list .3, .2, .1) with these weights.
    private func vectorService(weights: (Int32, Int32, Int32), flags: SchedulerFlags = []) throws -> (IPVSServiceState, [DestinationID]) {
        var service = IPVSServiceState(
            configuration: ServiceConfiguration(address: vip, port: 80, scheduler: .mh, schedulerFlags: flags))
        let one = try service.addDestination(v4(10, 0, 0, 1), port: 80, DestinationSettings(weight: weights.0))
        let two = try service.addDestination(v4(10, 0, 0, 2), port: 80, DestinationSettings(weight: weights.1))
        let three = try service.addDestination(v4(10, 0, 0, 3), port: 80, DestinationSettings(weight: weights.2))
        return (service, [three, two, one])
    }

    @Test func sipHashOfDestinationsMatchesTheVectors() {
        let cases: [(NetAddress, UInt32, UInt32)] = [
            (v4(10, 0, 0, 1), 0x439C_0CBE, 0x97B3_DC47),
            (v4(10, 0, 0, 2), 0xA1CF_683B, 0xFA5D_46DF),
            (v4(10, 0, 0, 3), 0x2CDF_0AFA, 0xEDEB_33D0),
        ]
        for (address, offsetHash, skipHash) in cases {
            #expect(MaglevHashing.hash(address: address, port: 80, key: MaglevHashing.offsetKey) == offsetHash)
            #expect(MaglevHashing.hash(address: address, port: 80, key: MaglevHashing.skipKey) == skipHash)
        }
        #expect(0x439C_0CBE % 4093 == 3167 && 0x97B3_DC47 % 4092 + 1 == 700)
    }

    @Test func sipHashOfClientsMatchesTheVectors() {
        #expect(MaglevHashing.hash(address: v4(192, 168, 1, 100), port: 0, key: MaglevHashing.offsetKey) == 0xC15D_2CF8)
        #expect(MaglevHashing.hash(address: v4(192, 168, 1, 101), port: 0, key: MaglevHashing.offsetKey) == 0xFF35_2081)
        #expect(MaglevHashing.hash(address: v4(10, 1, 2, 3), port: 0, key: MaglevHashing.offsetKey) == 0x2B29_8BA1)
    }

    @Test func defaultTableHas4093Slots() throws {
        let (service, _) = try makeService(.mh, listWeights: [1])
        #expect(service.scheduler.maglevHashing?.size == 4093)
        #expect(service.scheduler.maglevHashing?.lookup.count == 4093)
    }

    @Test func equalWeightsShareTheTableAsTheVectorsSay() throws {
        var (service, ids) = try vectorService(weights: (1, 1, 1))
        let lookup = try #require(service.scheduler.maglevHashing?.lookup)
        #expect(lookup.allSatisfy { $0 >= 0 })
        #expect([0, 1, 2].map { index in lookup.filter { $0 == index }.count } == [1365, 1364, 1364])
        #expect(service.picks(1, request(from: v4(192, 168, 1, 100))) == [ids[1]])
        #expect(service.picks(1, request(from: v4(192, 168, 1, 101))) == [ids[0]])
        #expect(service.picks(1, request(from: v4(10, 1, 2, 3))) == [ids[2]])
    }

    @Test func weightsSetEachServersShare() throws {
        var (service, ids) = try vectorService(weights: (1, 2, 3))
        let lookup = try #require(service.scheduler.maglevHashing?.lookup)
        #expect([0, 1, 2].map { index in lookup.filter { $0 == index }.count } == [2047, 1364, 682])
        #expect(service.picks(1, request(from: v4(192, 168, 1, 100))) == [ids[0]])
        #expect(service.picks(1, request(from: v4(192, 168, 1, 101))) == [ids[0]])
        #expect(service.picks(1, request(from: v4(10, 1, 2, 3))) == [ids[2]])
    }

    @Test func quiescingKeepsTheTableShareButRejectsAtLookup() throws {
        var (service, _) = try vectorService(weights: (1, 1, 1))
        let before = service.scheduler.maglevHashing?.lookup
        try service.editDestination(v4(10, 0, 0, 2), port: 80, DestinationSettings(weight: 0))
        #expect(service.scheduler.maglevHashing?.lookup == before)
        #expect(service.picks(1, request(from: v4(192, 168, 1, 100))) == [nil])
    }

    @Test func aServerAddedWithWeightZeroGetsNoSlots() throws {
        let (service, _) = try makeService(.mh, listWeights: [0, 1])
        let lookup = try #require(service.scheduler.maglevHashing?.lookup)
        #expect(!lookup.contains(0))
        #expect(lookup.filter { $0 == 1 }.count == 4093)
    }

    @Test func allLastWeightsZeroEmptiesTheTable() throws {
        var (service, _) = try makeService(.mh, listWeights: [0, 0])
        #expect(service.scheduler.maglevHashing?.lookup.allSatisfy { $0 == -1 } == true)
        #expect(service.picks(1) == [nil])
    }

    @Test func fallbackFindsAnotherServer() throws {
        var (service, ids) = try vectorService(weights: (1, 1, 1), flags: .fallback)
        try service.editDestination(v4(10, 0, 0, 2), port: 80, DestinationSettings(weight: 0))
        let chosen = service.picks(1, request(from: v4(192, 168, 1, 100)))
        #expect(chosen == [ids[0]] || chosen == [ids[2]])
    }

    @Test func largeWeightsAreScaledDownByTheShift() throws {
        let (service, _) = try makeService(.mh, listWeights: [1000, 1])
        let state = try #require(service.scheduler.maglevHashing)
        // 1000 has 10 significant bits; 10 - 6 = 4.
        #expect(state.gcd == 1 && state.rshift == 4)
        #expect(state.lookup.contains(1))
    }

    @Test func mhPortChangesTheSlotByThePort() throws {
        var (service, _) = try makeService(.mh, listWeights: [1, 1, 1], flags: .port)
        var seen = Set<DestinationID?>()
        for port in UInt16(1000)..<1040 { seen.insert(service.schedule(request(from: v4(192, 168, 1, 100), port: port))) }
        #expect(seen.count == 3)
    }
}
