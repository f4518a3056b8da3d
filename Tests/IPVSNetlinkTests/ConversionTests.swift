import Testing
import CIPVSShim
import IPVSCore
@testable import IPVSNetlink

/// Model → request message (built by the shim with libnl) → the shim's parser → model again.
@Suite struct ConversionTests {
    /// Builds a NEW_DEST-style message holding whatever `fill` puts, and returns its bytes.
    func request(_ fill: (NetlinkMessage) throws -> Void) throws -> [UInt8] {
        let message = try NetlinkMessage(family: 0x20, command: CIPVS_CMD_NEW_DEST, flags: 0)
        try fill(message)
        return LibNL.bytes(of: message.pointer)
    }

    static let services: [VirtualService] = [
        VirtualService(key: .address(.tcp, IPAddress(ipv4: 0xC000_0201), port: 80), scheduler: "wlc"),
        VirtualService(key: .address(.sctp, IPAddress(ipv4: 0xC000_0201), port: 3868), scheduler: "mh",
                       flags: [.persistent, .schedulerFlag1, .schedulerFlag2], timeout: 600, netmask: 0xFFFF_0000),
        VirtualService(key: .firewallMark(7, family: .inet6), scheduler: "rr", flags: .persistent, timeout: 60,
                       netmask: 64, persistenceEngine: "sip"),
        VirtualService(key: .address(.udp, IPAddress(family: .inet6, high: 0x2001_0db8_0000_0000, low: 1), port: 53),
                       scheduler: "sh", flags: .onePacket),
    ]

    @Test(arguments: services)
    func servicesSurviveTheWire(_ service: VirtualService) throws {
        let bytes = try request { try $0.put(cipvs_service(service: service)) }
        #expect(try VirtualService(kernel: LibNL.parseService(bytes)) == service)
    }

    @Test func aServiceKeyAloneCarriesNoSchedulerOrFlags() throws {
        let key = ServiceKey.address(.tcp, IPAddress(ipv4: 0xC000_0201), port: 443)
        let parsed = try LibNL.parseService(try request { try $0.put(cipvs_service(key: key)) })
        #expect(parsed.has(CIPVS_SVC_PORT) && !parsed.has(CIPVS_SVC_SCHED_NAME) && !parsed.has(CIPVS_SVC_FLAGS))
        #expect(try VirtualService(kernel: parsed).key == key)
    }

    @Test func theHashedFlagIsNeverSent() throws {
        var service = Self.services[0]
        service.flags = [.hashed, .persistent]
        let parsed = try LibNL.parseService(try request { try $0.put(cipvs_service(service: service)) })
        #expect(parsed.flags == ServiceFlags.persistent.rawValue)
        #expect(parsed.flags_mask == UInt32.max)
    }

    static let servers: [RealServer] = [
        RealServer(address: IPAddress(ipv4: 0xC633_6401), port: 8080, forwarding: .masquerade, weight: 5,
                   upperThreshold: 100, lowerThreshold: 50),
        RealServer(address: IPAddress(ipv4: 0xC633_6402), port: 80, forwarding: .tunnel, tunnelType: .gre,
                   tunnelFlags: [.checksum]),
        RealServer(address: IPAddress(family: .inet6, high: 0x2001_0db8_0002_0000, low: 4), port: 80,
                   forwarding: .tunnel, weight: 0, tunnelType: .gue, tunnelPort: 6080, tunnelFlags: .remoteChecksum),
    ]

    @Test(arguments: servers)
    func realServersSurviveTheWire(_ server: RealServer) throws {
        let bytes = try request { try $0.put(cipvs_dest(realServer: server)) }
        #expect(try RealServer(kernel: LibNL.parseDestination(bytes), serviceFamily: .inet) == server)
    }

    @Test func daemonsSurviveTheWireAndDefaultsStayOut() throws {
        let daemon = SyncDaemon(state: .backup, multicastInterface: "eth1", syncID: 9, maxLength: 1200,
                                multicastGroup: IPAddress(ipv4: 0xEF01_0203), multicastPort: 9000, multicastTTL: 3)
        let parsed = try LibNL.parseDaemon(try request { try $0.put(cipvs_daemon(daemon: daemon)) })
        #expect(try SyncDaemon(kernel: parsed) == daemon)

        let plain = try LibNL.parseDaemon(try request {
            try $0.put(cipvs_daemon(daemon: SyncDaemon(state: .master, multicastInterface: "eth0")))
        })
        #expect(!plain.has(CIPVS_DAEMON_MCAST_PORT) && !plain.has(CIPVS_DAEMON_MCAST_GROUP) && !plain.has(CIPVS_DAEMON_SYNC_MAXLEN))
    }

    @Test func timeoutsSurviveTheWire() throws {
        let timeouts = Timeouts(tcp: 900, tcpFin: 120, udp: 300)
        let bytes = try request { try $0.put(cipvs_config(timeouts: timeouts)) }
        #expect(Timeouts(kernel: try LibNL.parseConfig(bytes)) == timeouts)
    }

    @Test func overlongNamesReachTheKernelUncut() throws {
        let name = String(repeating: "x", count: 40)
        let service = VirtualService(key: .firewallMark(1, family: .inet), scheduler: name)
        let bytes = try request { try $0.put(cipvs_service(service: service)) }
        #expect(String(decoding: bytes, as: UTF8.self).contains(name))
        // Reading, the policy refuses a name longer than the kernel ever sends.
        #expect(throws: ClientError.self) { try LibNL.parseService(bytes) }
    }

    /// Requests are built in buffers of `LibNL.messageCapacity`, not a page: the largest one, a
    /// real server with every service attribute and both names as long as the shim allows, fits.
    @Test func theLargestRequestFitsTheMessageBuffer() throws {
        let longName = String(repeating: "n", count: Int(CIPVS_NAME_CAPACITY) - 1)
        let service = VirtualService(
            key: .address(.udp, IPAddress(family: .inet6, high: 0x2001_0db8_0000_0000, low: 1), port: 53),
            scheduler: longName, flags: [.persistent, .onePacket], timeout: 600, netmask: 128,
            persistenceEngine: longName)
        let bytes = try request {
            try $0.put(cipvs_service(service: service))
            try $0.put(cipvs_dest(realServer: Self.servers[2]))
        }
        #expect(bytes.count <= LibNL.messageCapacity)
    }
}
