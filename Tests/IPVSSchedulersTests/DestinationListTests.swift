import Testing
@testable import IPVSSchedulers

@Suite struct DestinationListTests {
    @Test func newDestinationsAreLinkedAtTheFront() throws {
        let (service, ids) = try makeService(.rr, listWeights: [1, 1, 1])
        // Added 10.0.0.3, .2, .1 in that order; the last added is first.
        #expect(service.destinations.destinations.map(\.id) == ids)
        #expect(service.destinations.destinations.map(\.address) == [server(0), server(1), server(2)])
    }

    @Test func editingDoesNotMoveADestination() throws {
        var (service, ids) = try makeService(.rr, listWeights: [1, 1, 1])
        try service.editDestination(server(2), port: 80, DestinationSettings(weight: 5))
        #expect(service.destinations.destinations.map(\.id) == ids)
        #expect(service.destinations[2].weight == 5)
    }

    @Test func reAddingARemovedDestinationRevivesItWithItsCounters() throws {
        var (service, ids) = try makeService(.rr, listWeights: [1, 1])
        try service.open(ConnectionID(1), .tcp, client: v4(1, 1, 1, 1), clientPort: 1000, virtual: vip, virtualPort: 80)
        let chosen = try #require(service.connections[ConnectionID(1)]?.destination)
        let address = try #require(service.destination(chosen)?.address)
        try service.removeDestination(address, port: 80)
        #expect(service.destinations.index(of: chosen) == nil)
        #expect(service.destination(chosen)?.activeConnections == 1)
        let revived = try service.addDestination(address, port: 80)
        #expect(revived == chosen)
        #expect(service.destinations.index(of: revived) == 0)
        #expect(service.destination(revived)?.activeConnections == 1)
        #expect(ids.contains(revived))
    }

    @Test func aFreshDestinationStartsWithZeroCounters() throws {
        let (service, ids) = try makeService(.rr, listWeights: [3])
        let dest = try #require(service.destination(ids[0]))
        #expect(dest.activeConnections == 0 && dest.inactiveConnections == 0 && dest.persistentConnections == 0)
        #expect(dest.isAvailable && !dest.isOverloaded)
    }

    @Test func negativeWeightIsRefused() throws {
        var (service, _) = try makeService(.rr, listWeights: [1])
        #expect(throws: ServiceStateError.destination(.weightOutOfRange)) {
            try service.addDestination(server(5), port: 80, DestinationSettings(weight: -1))
        }
    }

    @Test func lowerThresholdAboveUpperIsRefused() throws {
        var (service, _) = try makeService(.rr, listWeights: [1])
        #expect(throws: ServiceStateError.destination(.thresholdsOutOfRange)) {
            try service.addDestination(server(5), port: 80, DestinationSettings(upperThreshold: 0, lowerThreshold: 5))
        }
    }

    @Test func duplicateAndMissingDestinationsAreRefused() throws {
        var (service, _) = try makeService(.rr, listWeights: [1])
        #expect(throws: ServiceStateError.destination(.alreadyExists)) { try service.addDestination(server(0), port: 80) }
        #expect(throws: ServiceStateError.destination(.notFound)) { try service.removeDestination(server(9), port: 80) }
        #expect(throws: ServiceStateError.destination(.notFound)) {
            try service.editDestination(server(9), port: 80, DestinationSettings())
        }
    }

    @Test func lastWeightIsTheLatestNonZeroWeightAfterTheAdd() throws {
        var (service, ids) = try makeService(.mh, listWeights: [4])
        try service.editDestination(server(0), port: 80, DestinationSettings(weight: 0))
        #expect(service.destination(ids[0])?.lastWeight == 4)
        try service.editDestination(server(0), port: 80, DestinationSettings(weight: 7))
        #expect(service.destination(ids[0])?.lastWeight == 7)
        let zero = try service.addDestination(server(1), port: 80, DestinationSettings(weight: 0))
        #expect(service.destination(zero)?.lastWeight == 0)
    }

    @Test func connectionOverheadIsActiveTimes256PlusInactive() throws {
        var (service, ids) = try makeService(.lc, listWeights: [1])
        service.setCounters(ids[0], active: 3, inactive: 5)
        let overhead = service.destination(ids[0])?.connectionOverhead
        #expect(overhead == 773)
    }
}
