import Testing
@testable import IPVSSchedulers

@Suite struct PersistenceTests {
    let client = v4(198, 51, 100, 20)

    private func open(_ service: inout IPVSServiceState, _ id: UInt64, from address: NetAddress? = nil) throws -> OpenOutcome {
        try service.open(ConnectionID(id), .tcp, client: address ?? client, clientPort: UInt16(2000 + id), virtual: vip, virtualPort: 80)
    }

    @Test func aTemplateSendsTheClientBackWithoutConsultingTheScheduler() throws {
        var (service, ids) = try makeService(.rr, listWeights: [1, 1, 1], persistence: Persistence())
        #expect(try open(&service, 1) == .scheduled(ids[0]))
        #expect(try open(&service, 2) == .persistent(ids[0]))
        #expect(try open(&service, 3) == .persistent(ids[0]))
        // rr did not move: another client gets the next server.
        #expect(try open(&service, 4, from: v4(198, 51, 100, 21)) == .scheduled(ids[1]))
    }

    @Test func aTemplateIsFollowedToAQuiescedServer() throws {
        var (service, ids) = try makeService(.rr, listWeights: [1, 1], persistence: Persistence())
        #expect(try open(&service, 1) == .scheduled(ids[0]))
        try service.editDestination(server(0), port: 80, DestinationSettings(weight: 0))
        #expect(try open(&service, 2) == .persistent(ids[0]))
    }

    @Test func aTemplateIsFollowedToAnOverloadedServer() throws {
        var (service, ids) = try makeService(.rr, listWeights: [1, 1], persistence: Persistence())
        #expect(try open(&service, 1) == .scheduled(ids[0]))
        service.setCounters(ids[0], overloaded: true)
        #expect(try open(&service, 2) == .persistent(ids[0]))
    }

    @Test func expireQuiescentTemplateMakesWeightZeroTemplatesInvalid() throws {
        let settings = IPVSSettings(expireQuiescentTemplate: true)
        var (service, ids) = try makeService(.rr, listWeights: [1, 1], persistence: Persistence(), settings: settings)
        #expect(try open(&service, 1) == .scheduled(ids[0]))
        try service.editDestination(server(0), port: 80, DestinationSettings(weight: 0))
        #expect(try open(&service, 2) == .scheduled(ids[1]))
    }

    @Test func aTemplateOfARemovedServerIsNeutralisedAndTheClientRescheduled() throws {
        var (service, ids) = try makeService(.rr, listWeights: [1, 1], persistence: Persistence())
        #expect(try open(&service, 1) == .scheduled(ids[0]))
        try service.removeDestination(server(0), port: 80)
        #expect(try open(&service, 2) == .scheduled(ids[1]))
        #expect(service.templates.values.filter(\.isInvalidated).count == 1)
        // Re-adding the server does not revive the neutralised template.
        try service.addDestination(server(0), port: 80)
        #expect(try open(&service, 3) == .persistent(ids[1]))
    }

    @Test func templatesCountAsPersistentConnections() throws {
        var (service, ids) = try makeService(.rr, listWeights: [1], persistence: Persistence())
        _ = try open(&service, 1)
        _ = try open(&service, 2)
        _ = try open(&service, 3, from: v4(198, 51, 100, 99))
        let dest = try #require(service.destination(ids[0]))
        #expect(dest.persistentConnections == 2)
        #expect(dest.activeConnections == 3)
    }

    @Test func theNetmaskGroupsClientsOfOneNetwork() throws {
        let persistence = Persistence(netmask: NetAddress.mask(prefixLength: 24, family: .ipv4))
        var (service, ids) = try makeService(.rr, listWeights: [1, 1], persistence: persistence)
        #expect(try open(&service, 1, from: v4(198, 51, 100, 1)) == .scheduled(ids[0]))
        #expect(try open(&service, 2, from: v4(198, 51, 100, 250)) == .persistent(ids[0]))
        #expect(try open(&service, 3, from: v4(198, 51, 101, 1)) == .scheduled(ids[1]))
    }

    @Test func anIdleTemplateExpiresAfterItsTimeout() throws {
        var (service, ids) = try makeService(.rr, listWeights: [1, 1], persistence: Persistence(timeoutSeconds: 300))
        _ = try open(&service, 1)
        service.expire(ConnectionID(1))
        service.advance(seconds: 299)
        #expect(service.destination(ids[0])?.persistentConnections == 1)
        service.advance(seconds: 1)
        #expect(service.destination(ids[0])?.persistentConnections == 0)
        #expect(try open(&service, 2) == .scheduled(ids[1]))
    }

    @Test func eachNewConnectionRestartsTheTemplateTimeout() throws {
        var (service, ids) = try makeService(.rr, listWeights: [1, 1], persistence: Persistence(timeoutSeconds: 300))
        _ = try open(&service, 1)
        service.advance(seconds: 200)
        _ = try open(&service, 2)
        service.expire(ConnectionID(1))
        service.expire(ConnectionID(2))
        service.advance(seconds: 299)
        #expect(try open(&service, 3) == .persistent(ids[0]))
    }

    @Test func aTemplateStillControllingConnectionsIsKeptFor60sMore() throws {
        var (service, ids) = try makeService(.rr, listWeights: [1, 1], persistence: Persistence(timeoutSeconds: 300))
        _ = try open(&service, 1)
        service.advance(seconds: 300)
        let template = try #require(service.templates.values.first)
        #expect(template.timeout == 60 * 250)
        #expect(template.expires == 360 * 250)
        service.expire(ConnectionID(1))
        service.advance(seconds: 59)
        #expect(service.destination(ids[0])?.persistentConnections == 1)
        service.advance(seconds: 1)
        #expect(service.destination(ids[0])?.persistentConnections == 0)
    }

    @Test func aRearmedTemplateRefreshesWith60Seconds() throws {
        var (service, _) = try makeService(.rr, listWeights: [1, 1], persistence: Persistence(timeoutSeconds: 300))
        _ = try open(&service, 1)
        service.advance(seconds: 300)
        _ = try open(&service, 2)
        let template = try #require(service.templates.values.first)
        #expect(template.expires == service.now + 60 * 250)
    }

    @Test func fwmarkTemplatesCoverEveryProtocolAndPort() throws {
        var service = IPVSServiceState(configuration: ServiceConfiguration(
            address: vip, port: 0, firewallMark: 1, scheduler: .rr, persistence: Persistence()))
        try service.addDestination(server(1), port: 0)
        let first = try service.addDestination(server(0), port: 0)
        #expect(try service.open(ConnectionID(1), .tcp, client: client, clientPort: 1, virtual: vip, virtualPort: 80) == .scheduled(first))
        #expect(try service.open(ConnectionID(2), .udp, client: client, clientPort: 2, virtual: vip, virtualPort: 53) == .persistent(first))
    }

    @Test func noDestinationCreatesNoTemplate() throws {
        var (service, _) = try makeService(.rr, listWeights: [0], persistence: Persistence())
        #expect(try open(&service, 1) == .noDestination)
        #expect(service.templates.isEmpty)
    }
}

@Suite struct ForwardedPortTests {
    @Test func aPersistentFirewallMarkServiceForwardsToThePacketsPortNotTheServers() throws {
        var service = IPVSServiceState(configuration: ServiceConfiguration(
            address: v4(0, 0, 0, 0), port: 0, firewallMark: 9, scheduler: .rr, persistence: Persistence()))
        let id = try service.addDestination(server(0), port: 8080)
        #expect(service.forwardedPort(to: id, virtualPort: 80) == 80)
    }

    @Test func aFirewallMarkServiceWithoutPersistenceForwardsToTheServersPort() throws {
        var service = IPVSServiceState(configuration: ServiceConfiguration(
            address: v4(0, 0, 0, 0), port: 0, firewallMark: 9, scheduler: .rr))
        let id = try service.addDestination(server(0), port: 8080)
        #expect(service.forwardedPort(to: id, virtualPort: 80) == 8080)
    }

    @Test func aPersistentPortZeroServiceForwardsToThePacketsPort() throws {
        var service = IPVSServiceState(configuration: ServiceConfiguration(
            address: vip, port: 0, scheduler: .rr, persistence: Persistence()))
        let id = try service.addDestination(server(0), port: 0)
        #expect(service.forwardedPort(to: id, virtualPort: 22) == 22)
        #expect(service.forwardedPort(to: id, virtualPort: 443) == 443)
    }

    @Test func aPersistentServiceForwardsItsOwnPortToTheServersPort() throws {
        var service = IPVSServiceState(configuration: ServiceConfiguration(
            address: vip, port: 80, scheduler: .rr, persistence: Persistence()))
        let id = try service.addDestination(server(0), port: 8080)
        #expect(service.forwardedPort(to: id, virtualPort: 80) == 8080)
    }
}
