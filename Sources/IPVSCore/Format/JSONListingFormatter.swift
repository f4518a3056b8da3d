/// `ipvsadm -L --json` and `ipvsadm -S --json`: the virtual server table as a JSON document of
/// schema `ipvsadm-json/1` (Docs/json.md describes every field).
///
/// Addresses are always numeric (no name lookups, whatever `-n` says), counters are the kernel's
/// exact 64-bit values (never scaled to K/M/G, nor narrowed to 32 bits as 1.31's real-server
/// columns are), and every field is present whichever of `--stats`, `--rate`, `--thresholds`,
/// `--persistent-conn` or `--tun-info` was given: one document carries all of 1.31's columns.
public enum JSONListingFormatter {
    /// The schema name every document carries; a change that removes, renames or retypes a field
    /// gets a new number, adding fields does not.
    public static let schema = "ipvsadm-json/1"

    /// `-L --json`: services with configuration, connection counts, counters and rates.
    /// - Parameters:
    ///   - info: the `ipvs` member (version, connection table size); nil for a one-service listing
    ///     (`-L -t VIP:port`), which reads no info, as 1.31's text has no version line there.
    ///   - sorted: false for `--nosort` (the kernel's order).
    public static func listing(_ entries: [ServiceListingEntry], info: IPVSInfo?, sorted: Bool) -> [UInt8] {
        var json = JSONWriter(style: .pretty, capacity: 256 + entries.count * 1024)
        json.object {
            $0.field("schema", schema)
            if let info {
                $0.field("ipvs") { json in
                    json.object {
                        $0.field("version", "\(info.major).\(info.minor).\(info.patch)")
                        $0.field("connection_table_size", info.connectionTableSize)
                    }
                }
            }
            appendServices(entries, sorted: sorted, live: true, to: &$0)
        }
        json.newline()
        return json.bytes
    }

    /// `-S --json`: the configuration only (what `-R` would need), always sorted as `-S` is.
    public static func save(_ entries: [ServiceListingEntry]) -> [UInt8] {
        var json = JSONWriter(style: .pretty, capacity: 64 + entries.count * 512)
        json.object {
            $0.field("schema", schema)
            appendServices(entries, sorted: true, live: false, to: &$0)
        }
        json.newline()
        return json.bytes
    }

    /// `live`: with connection counts, counters and rates (`-L`), or configuration only (`-S`).
    static func appendServices(_ entries: [ServiceListingEntry], sorted: Bool, live: Bool, to json: inout JSONWriter) {
        json.key("services")
        json.array { list in
            for entry in sorted ? ListingOrder.sortServices(entries) : entries {
                list.object { object in
                    appendService(entry.service, live: live, to: &object)
                    object.key("servers")
                    object.array { servers in
                        let ordered = sorted ? ListingOrder.sortRealServers(entry.realServers) : entry.realServers
                        for server in ordered {
                            servers.object { appendServer(server, live: live, to: &$0) }
                        }
                    }
                }
            }
        }
    }

    static func appendService(_ service: VirtualService, live: Bool, to json: inout JSONWriter) {
        json.field("family", familyName(service.family))
        switch service.key {
        case .address(let transport, let address, let port):
            json.field("protocol", protocolName(transport))
            json.field("address", numericText(address))
            json.field("port", port)
            json.key("fwmark")
            json.null()
        case .firewallMark(let mark, _):
            for name in ["protocol", "address", "port"] {
                json.key(name)
                json.null()
            }
            json.field("fwmark", mark)
        }
        json.field("scheduler", service.scheduler)
        json.key("scheduler_flags")
        json.array { flags in
            for name in schedulerFlagNames(service) { flags.string(name) }
        }
        json.field("persistent", service.flags.contains(.persistent))
        json.field("persistence_timeout", service.timeout)
        json.field("netmask", netmaskText(service))
        json.key("persistence_engine")
        if let engine = service.persistenceEngine, !engine.isEmpty {
            json.string(engine)
        } else {
            json.null()
        }
        json.field("one_packet", service.flags.contains(.onePacket))
        if live { appendCounters(service.statistics, to: &json) }
    }

    static func appendServer(_ server: RealServer, live: Bool, to json: inout JSONWriter) {
        json.field("address", numericText(server.address))
        json.field("port", server.port)
        json.field("forwarding", forwardingName(server.forwarding))
        json.field("weight", server.weight)
        json.field("upper_threshold", server.upperThreshold)
        json.field("lower_threshold", server.lowerThreshold)
        json.key("tunnel")
        if server.forwarding == .tunnel {
            json.object {
                $0.field("type", tunnelTypeName(server.tunnelType))
                $0.field("port", server.tunnelPort)
                $0.field("checksum", checksumName(server.tunnelFlags))
            }
        } else {
            json.null()
        }
        if live {
            json.field("active_connections", server.activeConnections)
            json.field("inactive_connections", server.inactiveConnections)
            json.field("persistent_connections", server.persistentConnections)
            appendCounters(server.statistics, to: &json)
        }
    }

    /// `stats`: totals since the service or server was added (or zeroed); `rate`: the kernel's
    /// per-second estimates of the same five quantities.
    static func appendCounters(_ stats: Statistics, to json: inout JSONWriter) {
        json.field("stats") { json in
            json.object {
                $0.field("connections", stats.connections)
                $0.field("packets_in", stats.incomingPackets)
                $0.field("packets_out", stats.outgoingPackets)
                $0.field("bytes_in", stats.incomingBytes)
                $0.field("bytes_out", stats.outgoingBytes)
            }
        }
        json.field("rate") { json in
            json.object {
                $0.field("connections", stats.connectionsPerSecond)
                $0.field("packets_in", stats.incomingPacketsPerSecond)
                $0.field("packets_out", stats.outgoingPacketsPerSecond)
                $0.field("bytes_in", stats.incomingBytesPerSecond)
                $0.field("bytes_out", stats.outgoingBytesPerSecond)
            }
        }
    }

    static func numericText(_ address: IPAddress) -> String {
        String(decoding: AddressText.numeric(address), as: UTF8.self)
    }

    static func familyName(_ family: AddressFamily) -> String {
        family == .inet ? "inet" : "inet6"
    }

    static func protocolName(_ transport: TransportProtocol) -> String {
        switch transport {
        case .tcp: return "tcp"
        case .udp: return "udp"
        case .sctp: return "sctp"
        }
    }

    /// The names `-b` takes. Unlike 1.31's text, which drops sh's and mh's third flag, every set
    /// flag is named (that one as `flag-3`), so the array always accounts for all three bits.
    static func schedulerFlagNames(_ service: VirtualService) -> [String] {
        let names: [String]
        switch service.scheduler {
        case "sh": names = ["sh-fallback", "sh-port", "flag-3"]
        case "mh": names = ["mh-fallback", "mh-port", "flag-3"]
        default: names = ["flag-1", "flag-2", "flag-3"]
        }
        let bits: [ServiceFlags] = [.schedulerFlag1, .schedulerFlag2, .schedulerFlag3]
        return zip(bits, names).filter { service.flags.contains($0.0) }.map(\.1)
    }

    /// As `-M` takes it: a dotted IPv4 mask, or an IPv6 prefix length in decimal.
    static func netmaskText(_ service: VirtualService) -> String {
        switch service.family {
        case .inet: return numericText(IPAddress(ipv4: service.netmask))
        case .inet6: return String(service.netmask)
        }
    }

    static func forwardingName(_ method: ForwardingMethod) -> String {
        switch method {
        case .masquerade: return "masquerade"
        case .local: return "local"
        case .tunnel: return "tunnel"
        case .directRoute: return "route"
        case .bypass: return "bypass"
        }
    }

    static func tunnelTypeName(_ type: TunnelType) -> String {
        switch type {
        case .ipip: return "ipip"
        case .gue: return "gue"
        case .gre: return "gre"
        }
    }

    /// As the option that sets it, without `--tun-`.
    static func checksumName(_ flags: TunnelFlags) -> String {
        if flags.contains(.remoteChecksum) { return "remcsum" }
        if flags.contains(.checksum) { return "csum" }
        return "nocsum"
    }
}
