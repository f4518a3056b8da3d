import Testing
@testable import IPVSSchedulers

@Suite struct ConnectionTests {
    private func open(_ service: inout IPVSServiceState, _ id: UInt64, _ proto: PacketProtocol = .tcp) throws -> OpenOutcome {
        try service.open(ConnectionID(id), proto, client: v4(198, 51, 100, 1), clientPort: UInt16(1000 + id), virtual: vip, virtualPort: 80)
    }

    @Test func tcpConnectionCountsActiveFromItsFirstSyn() throws {
        var (service, ids) = try makeService(.rr, listWeights: [1])
        _ = try open(&service, 1)
        #expect(service.destination(ids[0])?.activeConnections == 1)
        #expect(service.destination(ids[0])?.inactiveConnections == 0)
    }

    @Test func udpConnectionIsAlwaysInactive() throws {
        var (service, ids) = try makeService(.rr, listWeights: [1])
        _ = try open(&service, 1, .udp)
        #expect(service.destination(ids[0])?.activeConnections == 0)
        #expect(service.destination(ids[0])?.inactiveConnections == 1)
        service.close(ConnectionID(1))
        #expect(service.destination(ids[0])?.inactiveConnections == 1)
    }

    @Test func closingMovesActiveToInactive() throws {
        var (service, ids) = try makeService(.rr, listWeights: [1])
        _ = try open(&service, 1)
        let closed = service.close(ConnectionID(1))
        #expect(closed)
        #expect(service.destination(ids[0])?.activeConnections == 0)
        #expect(service.destination(ids[0])?.inactiveConnections == 1)
    }

    @Test func expiringRemovesTheEntryAndItsCount() throws {
        var (service, ids) = try makeService(.rr, listWeights: [1])
        _ = try open(&service, 1)
        service.close(ConnectionID(1))
        let expired = service.expire(ConnectionID(1))
        #expect(expired)
        #expect(service.destination(ids[0])?.inactiveConnections == 0)
        #expect(service.connections.isEmpty)
        let expiredTwice = service.expire(ConnectionID(1))
        #expect(!expiredTwice)
    }

    @Test func reusingAnOpenIDIsRefused() throws {
        var (service, _) = try makeService(.rr, listWeights: [1])
        _ = try open(&service, 1)
        #expect(throws: ServiceStateError.connectionExists(ConnectionID(1))) { try open(&service, 1) }
    }

    @Test func noDestinationCreatesNoEntry() throws {
        var (service, _) = try makeService(.rr, listWeights: [0])
        #expect(try open(&service, 1) == .noDestination)
        #expect(service.connections.isEmpty)
    }

    @Test func onePacketUdpIsScheduledPerDatagramAndNotKept() throws {
        var (service, ids) = try makeService(.rr, listWeights: [1, 1])
        var configuration = service.configuration
        configuration.onePacket = true
        service.editService(configuration)
        #expect(try open(&service, 1, .udp) == .scheduled(ids[0]))
        #expect(try open(&service, 2, .udp) == .scheduled(ids[1]))
        #expect(service.connections.isEmpty)
        #expect(service.destination(ids[0])?.inactiveConnections == 0)
    }

    @Test func onePacketIsIgnoredForTcp() throws {
        var (service, ids) = try makeService(.rr, listWeights: [1])
        var configuration = service.configuration
        configuration.onePacket = true
        service.editService(configuration)
        _ = try open(&service, 1)
        #expect(service.destination(ids[0])?.activeConnections == 1)
    }

    @Test func changingSchedulerStartsItsStateAfresh() throws {
        var (service, ids) = try makeService(.rr, listWeights: [1, 1, 1])
        #expect(service.picks(1) == [ids[0]])
        service.setScheduler(.wrr)
        service.setScheduler(.rr)
        #expect(service.picks(1) == [ids[0]])
    }

    @Test func keepingTheSchedulerNameKeepsItsState() throws {
        var (service, ids) = try makeService(.rr, listWeights: [1, 1, 1])
        #expect(service.picks(1) == [ids[0]])
        service.setScheduler(.rr)
        #expect(service.picks(1) == [ids[1]])
    }
}

@Suite struct ThresholdTests {
    private func open(_ service: inout IPVSServiceState, _ id: UInt64) throws {
        try service.open(ConnectionID(id), .tcp, client: v4(198, 51, 100, 1), clientPort: UInt16(id), virtual: vip, virtualPort: 80)
    }

    @Test func reachingTheUpperThresholdSetsOverloadAtBind() throws {
        var (service, _) = try makeService(.rr, listWeights: [])
        let id = try service.addDestination(server(0), port: 80, DestinationSettings(upperThreshold: 2))
        try open(&service, 1)
        #expect(service.destination(id)?.isOverloaded == false)
        try open(&service, 2)
        #expect(service.destination(id)?.isOverloaded == true)
    }

    @Test func anOverloadedServerIsNotScheduled() throws {
        var (service, _) = try makeService(.rr, listWeights: [])
        try service.addDestination(server(0), port: 80, DestinationSettings(upperThreshold: 1))
        try open(&service, 1)
        #expect(service.picks(1) == [nil])
    }

    @Test func withoutLowerThresholdOverloadClearsBelowThreeQuartersOfUpper() throws {
        var (service, _) = try makeService(.rr, listWeights: [])
        let id = try service.addDestination(server(0), port: 80, DestinationSettings(upperThreshold: 4))
        for n in 1...4 { try open(&service, UInt64(n)) }
        #expect(service.destination(id)?.isOverloaded == true)
        service.expire(ConnectionID(1))  // total 3: 3*4 < 4*3 is false
        #expect(service.destination(id)?.isOverloaded == true)
        service.expire(ConnectionID(2))  // total 2: 8 < 12
        #expect(service.destination(id)?.isOverloaded == false)
    }

    @Test func withLowerThresholdOverloadClearsStrictlyBelowIt() throws {
        var (service, _) = try makeService(.rr, listWeights: [])
        let id = try service.addDestination(server(0), port: 80, DestinationSettings(upperThreshold: 4, lowerThreshold: 2))
        for n in 1...4 { try open(&service, UInt64(n)) }
        service.expire(ConnectionID(1))
        service.expire(ConnectionID(2))  // total 2, not < 2
        #expect(service.destination(id)?.isOverloaded == true)
        service.expire(ConnectionID(3))
        #expect(service.destination(id)?.isOverloaded == false)
    }

    @Test func closingDoesNotReevaluateThresholds() throws {
        var (service, _) = try makeService(.rr, listWeights: [])
        let id = try service.addDestination(server(0), port: 80, DestinationSettings(upperThreshold: 1))
        try open(&service, 1)
        service.close(ConnectionID(1))
        #expect(service.destination(id)?.isOverloaded == true)
    }

    @Test func templatesDoNotCountTowardsTheTotal() throws {
        var (service, _) = try makeService(.rr, listWeights: [], persistence: Persistence())
        let id = try service.addDestination(server(0), port: 80, DestinationSettings(upperThreshold: 2))
        try open(&service, 1)
        #expect(service.destination(id)?.persistentConnections == 1)
        #expect(service.destination(id)?.isOverloaded == false)
    }

    @Test func editingUpperThresholdReevaluatesOverloadAtOnce() throws {
        var (service, ids) = try makeService(.rr, listWeights: [1])
        for n in 1...3 { try open(&service, UInt64(n)) }
        try service.editDestination(server(0), port: 80, DestinationSettings(weight: 1, upperThreshold: 3))
        #expect(service.destination(ids[0])?.isOverloaded == true)
        try service.editDestination(server(0), port: 80, DestinationSettings(weight: 1, upperThreshold: 0))
        #expect(service.destination(ids[0])?.isOverloaded == false)
    }

    @Test func editingThresholdsInsideTheHysteresisBandKeepsTheFlag() throws {
        var (service, ids) = try makeService(.rr, listWeights: [1])
        for n in 1...3 { try open(&service, UInt64(n)) }
        try service.editDestination(server(0), port: 80, DestinationSettings(weight: 1, upperThreshold: 3))
        // total 3, u 4: not >= 4, not < 4 - 1: left set.
        try service.editDestination(server(0), port: 80, DestinationSettings(weight: 1, upperThreshold: 4))
        #expect(service.destination(ids[0])?.isOverloaded == true)
    }

    @Test func the6_1_119RuleOnlyClearsOnARaise() throws {
        var (service, ids) = try makeService(.rr, listWeights: [1], settings: IPVSSettings(thresholdUpdate: .clearOnRaise))
        for n in 1...3 { try open(&service, UInt64(n)) }
        try service.editDestination(server(0), port: 80, DestinationSettings(weight: 1, upperThreshold: 3))
        #expect(service.destination(ids[0])?.isOverloaded == false)
        try open(&service, 4)
        #expect(service.destination(ids[0])?.isOverloaded == true)
        try service.editDestination(server(0), port: 80, DestinationSettings(weight: 1, upperThreshold: 10))
        #expect(service.destination(ids[0])?.isOverloaded == false)
    }
}
