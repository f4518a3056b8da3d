/// `ipvsadm -S`: the table as `-R` input, byte for byte as 1.31 writes it.
///
/// Always in `--sort` order (1.31 refuses `--nosort` with `-S`). Options come in 1.31's order:
/// `-s`, `-p`, `-M` (only when not /32 or /128), `--pe`, `-o`, `-b`; real servers `-r`, the forwarding
/// flag, `-w`, then the tunnel options. Thresholds are not saved.
public enum SaveFormatter {
    public static func format(_ entries: [ServiceListingEntry], numeric: Bool, names: any NameResolver) -> [UInt8] {
        var writer = ByteWriter(capacity: entries.count * 96)
        for entry in ListingOrder.sortServices(entries) {
            appendEntry(entry.service, realServers: entry.realServers, numeric: numeric, names: names, to: &writer)
        }
        return writer.bytes
    }

    /// Appends one service's lines (its `-A`, then its servers' `-a`, sorted) to `output`; a
    /// listing written service by service, services already in `--sort` order, gives the bytes
    /// of `format`.
    public static func appendEntry(
        _ service: VirtualService, realServers: [RealServer], numeric: Bool, names: any NameResolver,
        to output: inout [UInt8]
    ) {
        ByteWriter.appending(to: &output) { appendEntry(service, realServers: realServers, numeric: numeric, names: names, to: &$0) }
    }

    static func appendEntry(
        _ service: VirtualService, realServers: [RealServer], numeric: Bool, names: any NameResolver,
        to writer: inout ByteWriter
    ) {
        var key = ByteWriter(capacity: 48)
        appendKey(service.key, numeric: numeric, names: names, to: &key)
        writer.text("-A ")
        writer.text(key.bytes)
        appendServiceOptions(service, to: &writer)
        writer.byte(UInt8(ascii: "\n"))
        let transport = ServiceText.transport(service.key)
        let servers = realServers.count > 1 ? ListingOrder.sortRealServers(realServers) : realServers
        for server in servers {
            writer.text("-a ")
            writer.text(key.bytes)
            writer.text(" -r ")
            writer.text(AddressText.hostPort(
                server.address, port: server.port, protocol: transport, numeric: numeric, names: names,
                limit: AddressText.saveLimit))
            appendServerOptions(server, to: &writer)
            writer.byte(UInt8(ascii: "\n"))
        }
    }

    /// ` -s …` and the rest of a service line after its key. `-M` only follows `-p`, unless
    /// `maskWithoutPersistence` (the kernel keeps a mask given without `-p`; `-S` hides it).
    static func appendServiceOptions(_ service: VirtualService, maskWithoutPersistence: Bool = false, to writer: inout ByteWriter) {
        writer.text(" -s ")
        writer.text(service.scheduler)
        if service.flags.contains(.persistent) {
            writer.text(" -p ")
            writer.decimal(service.timeout)
        }
        if service.flags.contains(.persistent) || maskWithoutPersistence, let mask = ServiceText.nonDefaultMask(service) {
            writer.text(" -M ")
            writer.text(mask)
        }
        if let engine = service.persistenceEngine, !engine.isEmpty {
            writer.text(" --pe ")
            writer.text(engine)
        }
        if service.flags.contains(.onePacket) { writer.text(" -o") }
        if let flags = ServiceText.schedulerFlags(service) {
            writer.text(" -b ")
            writer.text(flags)
        }
    }

    /// The forwarding flag, ` -w …` and the tunnel options of a real server line.
    static func appendServerOptions(_ server: RealServer, to writer: inout ByteWriter) {
        writer.text(forwardingFlag(server.forwarding))
        writer.text(" -w ")
        writer.decimal(server.weight)
        if server.forwarding == .tunnel { appendTunnel(server, to: &writer) }
    }

    static func appendKey(_ key: ServiceKey, numeric: Bool, names: any NameResolver, to writer: inout ByteWriter) {
        switch key {
        case .address(let transport, let address, let port):
            switch transport {
            case .tcp: writer.text("-t ")
            case .udp: writer.text("-u ")
            case .sctp: writer.text("--sctp-service ")
            }
            writer.text(AddressText.hostPort(
                address, port: port, protocol: transport, numeric: numeric, names: names,
                limit: AddressText.saveLimit))
        case .firewallMark(let mark, let family):
            writer.text("-f ")
            ServiceText.appendMark(mark, to: &writer)
            if family == .inet6 { writer.text(" -6") }
        }
    }

    static func forwardingFlag(_ method: ForwardingMethod) -> StaticString {
        switch method {
        case .masquerade: return " -m"
        case .tunnel: return " -i"
        case .directRoute, .local: return " -g"
        case .bypass: return " (null)"
        }
    }

    static func appendTunnel(_ server: RealServer, to writer: inout ByteWriter) {
        writer.text(" --tun-type ")
        writer.text(ServiceText.tunnelTypeName(server.tunnelType))
        switch server.tunnelType {
        case .ipip:
            return
        case .gue:
            writer.text(" --tun-port ")
            writer.decimal(server.tunnelPort)
        case .gre:
            break
        }
        if server.tunnelFlags.contains(.remoteChecksum) {
            writer.text(" --tun-remcsum")
        } else if server.tunnelFlags.contains(.checksum) {
            writer.text(" --tun-csum")
        } else {
            writer.text(" --tun-nocsum")
        }
    }
}
