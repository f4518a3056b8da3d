import Foundation
import Testing
@testable import IPVSCore

/// The `--json` documents, parsed back with Foundation's JSON parser.
@Suite struct JSONListingFormatterTests {
    let vip = ServiceKey.address(.tcp, IPAddress(ipv4: 0xC000_0201), port: 80)

    private func object(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    private func services(_ bytes: [UInt8]) throws -> [[String: Any]] {
        try #require(try object(bytes)["services"] as? [[String: Any]])
    }

    private func server(_ server: RealServer) throws -> [String: Any] {
        let entry = ServiceListingEntry(service: VirtualService(key: vip), realServers: [server])
        let list = try services(JSONListingFormatter.listing([entry], info: nil, sorted: true))
        return try #require((list.first?["servers"] as? [[String: Any]])?.first)
    }

    @Test func listingCarriesTheSchemaAndTheIPVSInfo() throws {
        let document = try object(JSONListingFormatter.listing(
            [], info: IPVSInfo(version: 0x01_02_01, connectionTableSize: 4096), sorted: true))
        #expect(document["schema"] as? String == "ipvsadm-json/1")
        let ipvs = try #require(document["ipvs"] as? [String: Any])
        #expect(ipvs["version"] as? String == "1.2.1")
        #expect(ipvs["connection_table_size"] as? Int == 4096)
        #expect((document["services"] as? [Any])?.isEmpty == true)
    }

    @Test func oneServiceListingHasNoIPVSMember() throws {
        let document = try object(JSONListingFormatter.listing([], info: nil, sorted: true))
        #expect(document["ipvs"] == nil)
    }

    @Test func addressServiceHasProtocolAddressAndPortAndANullMark() throws {
        let entry = ServiceListingEntry(service: VirtualService(key: vip, scheduler: "rr"), realServers: [])
        let service = try #require(try services(JSONListingFormatter.listing([entry], info: nil, sorted: true)).first)
        #expect(service["family"] as? String == "inet")
        #expect(service["protocol"] as? String == "tcp")
        #expect(service["address"] as? String == "192.0.2.1")
        #expect(service["port"] as? Int == 80)
        #expect(service["fwmark"] is NSNull)
        #expect(service["scheduler"] as? String == "rr")
    }

    @Test func firewallMarkServiceHasNullAddressFields() throws {
        let entry = ServiceListingEntry(service: VirtualService(key: .firewallMark(0xFFFF_FFFF, family: .inet6)), realServers: [])
        let service = try #require(try services(JSONListingFormatter.save([entry])).first)
        #expect(service["fwmark"] as? UInt64 == 0xFFFF_FFFF)
        #expect(service["family"] as? String == "inet6")
        #expect(service["protocol"] is NSNull)
        #expect(service["address"] is NSNull)
        #expect(service["port"] is NSNull)
    }

    @Test func ipv6AddressesAreNumericAsInetNtopWritesThem() throws {
        let address = try #require(IPAddress(bytes: [0x20, 0x01, 0x0d, 0xb8] + [UInt8](repeating: 0, count: 11) + [1]))
        let entry = ServiceListingEntry(service: VirtualService(key: .address(.udp, address, port: 53)), realServers: [])
        let service = try #require(try services(JSONListingFormatter.save([entry])).first)
        #expect(service["address"] as? String == "2001:db8::1")
    }

    @Test func persistentIPv4ServiceCarriesTimeoutAndDottedNetmask() throws {
        let entry = ServiceListingEntry(service: VirtualService(
            key: vip, flags: .persistent, timeout: 600, netmask: 0xFFFF_FF00), realServers: [])
        let service = try #require(try services(JSONListingFormatter.save([entry])).first)
        #expect(service["persistent"] as? Bool == true)
        #expect(service["persistence_timeout"] as? Int == 600)
        #expect(service["netmask"] as? String == "255.255.255.0")
    }

    @Test func ipv6NetmaskIsAPrefixLength() throws {
        let entry = ServiceListingEntry(service: VirtualService(key: .firewallMark(1, family: .inet6)), realServers: [])
        #expect(try services(JSONListingFormatter.save([entry])).first?["netmask"] as? String == "128")
    }

    @Test func schedulerFlagsAreNamedAsMinusBTakesThemIncludingShsThirdFlag() throws {
        let entry = ServiceListingEntry(service: VirtualService(
            key: vip, scheduler: "sh", flags: [.schedulerFlag1, .schedulerFlag3]), realServers: [])
        let service = try #require(try services(JSONListingFormatter.save([entry])).first)
        #expect(service["scheduler_flags"] as? [String] == ["sh-fallback", "flag-3"])
    }

    @Test func persistenceEngineAndOnePacket() throws {
        let entry = ServiceListingEntry(service: VirtualService(
            key: vip, flags: .onePacket, persistenceEngine: "sip"), realServers: [])
        let service = try #require(try services(JSONListingFormatter.save([entry])).first)
        #expect(service["persistence_engine"] as? String == "sip")
        #expect(service["one_packet"] as? Bool == true)
    }

    @Test func tunnelIsNullUnlessTheServerTunnels() throws {
        let masquerading = try server(RealServer(address: IPAddress(ipv4: 0xC633_6401), port: 80, forwarding: .masquerade))
        #expect(masquerading["forwarding"] as? String == "masquerade")
        #expect(masquerading["tunnel"] is NSNull)
    }

    @Test func gueTunnelCarriesTypePortAndChecksum() throws {
        let tunnelling = try server(RealServer(
            address: IPAddress(ipv4: 0xC633_6401), port: 80, forwarding: .tunnel,
            tunnelType: .gue, tunnelPort: 6080, tunnelFlags: .remoteChecksum))
        let tunnel = try #require(tunnelling["tunnel"] as? [String: Any])
        #expect(tunnel["type"] as? String == "gue")
        #expect(tunnel["port"] as? Int == 6080)
        #expect(tunnel["checksum"] as? String == "remcsum")
    }

    @Test func serverCarriesWeightThresholdsAndConnectionCounts() throws {
        let listed = try server(RealServer(
            address: IPAddress(ipv4: 0xC633_6401), port: 8080, weight: 3, upperThreshold: 100, lowerThreshold: 10,
            activeConnections: 4, inactiveConnections: 5, persistentConnections: 6))
        #expect(listed["port"] as? Int == 8080)
        #expect(listed["forwarding"] as? String == "route")
        #expect([listed["weight"], listed["upper_threshold"], listed["lower_threshold"]].map { $0 as? Int } == [3, 100, 10])
        #expect([listed["active_connections"], listed["inactive_connections"], listed["persistent_connections"]]
            .map { $0 as? Int } == [4, 5, 6])
    }

    @Test func serverCountersAreTheKernels64BitValuesUnscaled() throws {
        var stats = Statistics()
        stats.connections = 1 << 40
        stats.outgoingBytes = UInt64.max
        stats.incomingBytesPerSecond = 123_456_789_012
        let listed = try server(RealServer(address: IPAddress(ipv4: 0xC633_6401), port: 80, statistics: stats))
        let counters = try #require(listed["stats"] as? [String: Any])
        let rate = try #require(listed["rate"] as? [String: Any])
        #expect(counters["connections"] as? UInt64 == 1 << 40)
        #expect(counters["bytes_out"] as? UInt64 == UInt64.max)
        #expect(rate["bytes_in"] as? UInt64 == 123_456_789_012)
        #expect(rate["connections"] as? Int == 0)
    }

    @Test func saveCarriesNoLiveFields() throws {
        let entry = ServiceListingEntry(
            service: VirtualService(key: vip), realServers: [RealServer(address: IPAddress(ipv4: 0xC633_6401), port: 80)])
        let document = try object(JSONListingFormatter.save([entry]))
        let service = try #require((document["services"] as? [[String: Any]])?.first)
        let listed = try #require((service["servers"] as? [[String: Any]])?.first)
        #expect(document["ipvs"] == nil)
        #expect(service["stats"] == nil && service["rate"] == nil)
        #expect(listed["stats"] == nil && listed["active_connections"] == nil)
        #expect(listed["weight"] as? Int == 1)
    }

    @Test func servicesAreSortedUnlessNoSort() throws {
        let high = ServiceListingEntry(service: VirtualService(key: .address(.tcp, IPAddress(ipv4: 0xC000_0209), port: 80)), realServers: [])
        let low = ServiceListingEntry(service: VirtualService(key: vip), realServers: [])
        let sorted = try services(JSONListingFormatter.listing([high, low], info: nil, sorted: true))
        let kernelOrder = try services(JSONListingFormatter.listing([high, low], info: nil, sorted: false))
        #expect(sorted.map { $0["address"] as? String } == ["192.0.2.1", "192.0.2.9"])
        #expect(kernelOrder.map { $0["address"] as? String } == ["192.0.2.9", "192.0.2.1"])
    }

    @Test func timeoutsInSeconds() throws {
        let timeouts = try #require(try object(JSONTimeoutsFormatter.timeouts(Timeouts(tcp: 900, tcpFin: 120, udp: 300)))["timeouts"] as? [String: Int])
        #expect(timeouts == ["tcp": 900, "tcp_fin": 120, "udp": 300])
    }

    @Test func daemonsShowTheKernelsDefaultsForUnsetValues() throws {
        let document = try object(JSONTimeoutsFormatter.daemons([SyncDaemon(state: .backup, multicastInterface: "eth0", syncID: 9)]))
        let daemon = try #require((document["daemons"] as? [[String: Any]])?.first)
        #expect(daemon["state"] as? String == "backup")
        #expect(daemon["interface"] as? String == "eth0")
        #expect(daemon["syncid"] as? Int == 9)
        #expect(daemon["group"] as? String == "224.0.0.81")
        #expect(daemon["port"] as? Int == 8848)
        #expect(daemon["ttl"] as? Int == 1)
    }

    @Test func noDaemonsIsAnEmptyArray() throws {
        #expect((try object(JSONTimeoutsFormatter.daemons([]))["daemons"] as? [Any])?.isEmpty == true)
    }

    private let procHeader = "Pro FromIP   FPrt ToIP     TPrt DestIP   DPrt State       Expires PEName PEData\n"

    @Test func connectionsAreReadFromTheProcTable() throws {
        let text = procHeader + "TCP C0000201 1F90 C0000202 0050 C6336401 0050 ESTABLISHED     899\n"
        guard case .success(let bytes) = JSONConnectionsFormatter.format(procText: Array(text.utf8)) else {
            Issue.record("refused"); return
        }
        let row = try #require((try object(bytes)["connections"] as? [[String: Any]])?.first)
        #expect(row["protocol"] as? String == "tcp")
        #expect(row["client_address"] as? String == "192.0.2.1")
        #expect(row["client_port"] as? Int == 8080)
        #expect(row["virtual_address"] as? String == "192.0.2.2")
        #expect(row["destination_address"] as? String == "198.51.100.1")
        #expect(row["state"] as? String == "ESTABLISHED")
        #expect(row["expires"] as? Int == 899)
        #expect(row["persistence_engine"] is NSNull)
    }

    @Test func persistenceEngineColumnsCountOnlyTogether() throws {
        let text = procHeader + "UDP C0000201 13C4 C0000202 13C4 C6336401 13C4 UDP 60 sip abc@example\n"
        guard case .success(let bytes) = JSONConnectionsFormatter.format(procText: Array(text.utf8)) else {
            Issue.record("refused"); return
        }
        let row = try #require((try object(bytes)["connections"] as? [[String: Any]])?.first)
        #expect(row["persistence_engine"] as? String == "sip")
        #expect(row["persistence_engine_data"] as? String == "abc@example")
    }

    @Test func aMalformedConnectionLinePrintsNoPartialDocument() {
        let text = procHeader + "TCP C0000201 1F90 C0000202 0050 C6336401 0050 ESTABLISHED 899\ngarbage\n"
        #expect(JSONConnectionsFormatter.format(procText: Array(text.utf8)) == .failure(.malformedLine(3)))
    }

    @Test func anEmptyProcTableIsUnexpectedInput() {
        #expect(JSONConnectionsFormatter.format(procText: []) == .failure(.unexpectedInput))
    }
}
