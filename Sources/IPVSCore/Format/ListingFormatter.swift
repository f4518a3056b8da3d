/// `ipvsadm -L`/`-l`: the virtual server table, byte for byte as 1.31 prints it.
public enum ListingFormatter {
    /// The whole listing.
    /// - Parameters:
    ///   - entries: services with their real servers, in the kernel's order.
    ///   - info: prints the `IP Virtual Server version` line; pass nil for a one-service listing
    ///     (`-L -t VIP:port`), which 1.31 prints without it.
    ///   - options: `-n`, `--stats`, `--rate`, `--exact`, `--thresholds`, `--persistent-conn`,
    ///     `--tun-info`, `--nosort`.
    ///   - names: reverse lookups when not `-n`.
    public static func format(
        _ entries: [ServiceListingEntry], info: IPVSInfo?, options: ListingOptions, names: any NameResolver
    ) -> [UInt8] {
        var writer = ByteWriter(capacity: 160 + entries.count * 120)
        format(entries, info: info, options: options, names: names, into: &writer)
        return writer.bytes
    }

    /// Appends the listing to `output`.
    public static func format(
        _ entries: [ServiceListingEntry], info: IPVSInfo?, options: ListingOptions, names: any NameResolver,
        into output: inout [UInt8]
    ) {
        ByteWriter.appending(to: &output) { format(entries, info: info, options: options, names: names, into: &$0) }
    }

    /// `IP Virtual Server version 1.2.1 (size=4096)`.
    public static func versionLine(_ info: IPVSInfo) -> [UInt8] {
        var writer = ByteWriter(capacity: 48)
        appendVersion(info, to: &writer)
        return writer.bytes
    }

    enum Mode { case plain, statistics, rate, thresholds, persistent, tunnel }

    /// 1.31's precedence when several are given: stats, rate, thresholds, persistent-conn, tun-info.
    static func mode(_ options: ListingOptions) -> Mode {
        if options.statistics { return .statistics }
        if options.rate { return .rate }
        if options.thresholds { return .thresholds }
        if options.persistentConnections { return .persistent }
        if options.tunnelInfo { return .tunnel }
        return .plain
    }

    static func appendVersion(_ info: IPVSInfo, to writer: inout ByteWriter) {
        writer.text("IP Virtual Server version ")
        writer.decimal(info.major)
        writer.byte(UInt8(ascii: "."))
        writer.decimal(info.minor)
        writer.byte(UInt8(ascii: "."))
        writer.decimal(info.patch)
        writer.text(" (size=")
        writer.decimal(info.connectionTableSize)
        writer.text(")\n")
    }

    static func format(
        _ entries: [ServiceListingEntry], info: IPVSInfo?, options: ListingOptions, names: any NameResolver,
        into writer: inout ByteWriter
    ) {
        appendHeader(info: info, options: options, to: &writer)
        let ordered = options.sorted ? ListingOrder.sortServices(entries) : entries
        for entry in ordered {
            appendEntry(entry.service, realServers: entry.realServers, options: options, names: names, to: &writer)
        }
    }

    /// Appends the version line (unless `info` is nil) and the column headings to `output`.
    public static func appendHeader(info: IPVSInfo?, options: ListingOptions, to output: inout [UInt8]) {
        ByteWriter.appending(to: &output) { appendHeader(info: info, options: options, to: &$0) }
    }

    /// Appends one service and its real servers (sorted unless `--nosort`) to `output`: the
    /// header, then each service in turn in the listing's order, gives the bytes of `format`.
    public static func appendEntry(
        _ service: VirtualService, realServers: [RealServer], options: ListingOptions, names: any NameResolver,
        to output: inout [UInt8]
    ) {
        ByteWriter.appending(to: &output) { appendEntry(service, realServers: realServers, options: options, names: names, to: &$0) }
    }

    static func appendHeader(info: IPVSInfo?, options: ListingOptions, to writer: inout ByteWriter) {
        if let info { appendVersion(info, to: &writer) }
        switch mode(options) {
        case .plain:
            writer.text("Prot LocalAddress:Port Scheduler Flags\n  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n")
        case .tunnel:
            writer.text("Prot LocalAddress:Port Scheduler Flags\n  -> RemoteAddress:Port           Forward TunnelInfo    Weight ActiveConn InActConn\n")
        case .statistics:
            writer.text("Prot LocalAddress:Port               Conns   InPkts  OutPkts  InBytes OutBytes\n  -> RemoteAddress:Port\n")
        case .rate:
            writer.text("Prot LocalAddress:Port                 CPS    InPPS   OutPPS    InBPS   OutBPS\n  -> RemoteAddress:Port\n")
        case .thresholds:
            writer.text("Prot LocalAddress:Port            Uthreshold Lthreshold ActiveConn InActConn \n  -> RemoteAddress:Port\n")
        case .persistent:
            writer.text("Prot LocalAddress:Port            Weight    PersistConn ActiveConn InActConn \n  -> RemoteAddress:Port\n")
        }
    }

    static func appendEntry(
        _ service: VirtualService, realServers: [RealServer], options: ListingOptions, names: any NameResolver,
        to writer: inout ByteWriter
    ) {
        let mode = mode(options)
        appendService(service, mode: mode, options: options, names: names, to: &writer)
        let servers = options.sorted && realServers.count > 1 ? ListingOrder.sortRealServers(realServers) : realServers
        let transport = ServiceText.transport(service.key)
        for server in servers {
            appendRealServer(server, transport: transport, mode: mode, options: options, names: names, to: &writer)
        }
    }

    /// Whether the listing prints counters, so that the services read for it must keep theirs.
    public static func printsStatistics(_ options: ListingOptions) -> Bool {
        let mode = mode(options)
        return mode == .statistics || mode == .rate
    }

    static func appendService(
        _ service: VirtualService, mode: Mode, options: ListingOptions, names: any NameResolver,
        to writer: inout ByteWriter
    ) {
        let start = writer.bytes.count
        writer.left(ServiceText.protocolName(service.key), 4)
        writer.byte(UInt8(ascii: " "))
        switch service.key {
        case .address(let transport, let address, let port):
            writer.text(AddressText.hostPort(
                address, port: port, protocol: transport, numeric: options.numeric, names: names,
                limit: AddressText.listingLimit(address.family)))
        case .firewallMark(let mark, let family):
            ServiceText.appendMark(mark, to: &writer)
            if family == .inet6 { writer.text(" IPv6") }
        }
        switch mode {
        case .statistics, .rate:
            writer.spaces(33 - (writer.bytes.count - start))
            appendCounters(service.statistics, rate: mode == .rate, exact: options.exact, realServer: false, to: &writer)
        default:
            writer.byte(UInt8(ascii: " "))
            writer.text(service.scheduler)
            if let flags = ServiceText.schedulerFlags(service) {
                writer.text(" (")
                writer.text(flags)
                writer.byte(UInt8(ascii: ")"))
            }
            if service.flags.contains(.persistent) {
                writer.text(" persistent ")
                writer.decimal(service.timeout)
                if let mask = ServiceText.nonDefaultMask(service) {
                    writer.text(" mask ")
                    writer.text(mask)
                }
                // 1.31 names the engine only as part of persistence: a service created with
                // --pe but no -p keeps its engine in the kernel (-S saves it) yet lists without it.
                if let engine = service.persistenceEngine, !engine.isEmpty {
                    writer.text(" pe ")
                    writer.text(engine)
                }
            }
            if service.flags.contains(.onePacket) { writer.text(" ops") }
        }
        writer.byte(UInt8(ascii: "\n"))
    }

    static func appendRealServer(
        _ server: RealServer, transport: TransportProtocol?, mode: Mode, options: ListingOptions,
        names: any NameResolver, to writer: inout ByteWriter
    ) {
        writer.text("  -> ")
        let address = AddressText.hostPort(
            server.address, port: server.port, protocol: transport, numeric: options.numeric, names: names,
            limit: AddressText.listingLimit(server.address.family))
        switch mode {
        case .statistics, .rate:
            writer.left(address, 28)
            appendCounters(server.statistics, rate: mode == .rate, exact: options.exact, realServer: true, to: &writer)
        case .plain, .tunnel:
            writer.left(address, 28)
            writer.byte(UInt8(ascii: " "))
            writer.left(ServiceText.forwardingName(server.forwarding), 7)
            writer.byte(UInt8(ascii: " "))
            if mode == .tunnel {
                writer.left(tunnelInfo(server), 13)
                writer.byte(UInt8(ascii: " "))
            }
            writer.leftDecimal(Int64(server.weight), 6)
            writer.byte(UInt8(ascii: " "))
            writer.leftDecimal(UInt64(server.activeConnections), 10)
            writer.byte(UInt8(ascii: " "))
            writer.leftDecimal(UInt64(server.inactiveConnections), 10)
        case .thresholds:
            writer.left(address, 28)
            writer.byte(UInt8(ascii: " "))
            writer.leftDecimal(UInt64(server.upperThreshold), 10)
            writer.byte(UInt8(ascii: " "))
            writer.leftDecimal(UInt64(server.lowerThreshold), 10)
            writer.byte(UInt8(ascii: " "))
            writer.leftDecimal(UInt64(server.activeConnections), 10)
            writer.byte(UInt8(ascii: " "))
            writer.leftDecimal(UInt64(server.inactiveConnections), 10)
        case .persistent:
            writer.left(address, 28)
            writer.byte(UInt8(ascii: " "))
            writer.leftDecimal(Int64(server.weight), 9)
            writer.byte(UInt8(ascii: " "))
            writer.leftDecimal(UInt64(server.persistentConnections), 11)
            writer.byte(UInt8(ascii: " "))
            writer.leftDecimal(UInt64(server.activeConnections), 10)
            writer.byte(UInt8(ascii: " "))
            writer.leftDecimal(UInt64(server.inactiveConnections), 10)
        }
        writer.byte(UInt8(ascii: "\n"))
    }

    /// `--tun-info`'s column: `ipip`, `gue:PORT:CSUM`, `gre:CSUM` (CSUM `-c`, `+c` or `r+c`), `n/a` when not tunnelling.
    static func tunnelInfo(_ server: RealServer) -> [UInt8] {
        guard server.forwarding == .tunnel else { return Array("n/a".utf8) }
        var writer = ByteWriter(capacity: 16)
        writer.text(ServiceText.tunnelTypeName(server.tunnelType))
        switch server.tunnelType {
        case .ipip:
            break
        case .gue:
            writer.byte(UInt8(ascii: ":"))
            writer.decimal(server.tunnelPort)
            writer.byte(UInt8(ascii: ":"))
            writer.text(checksumText(server.tunnelFlags))
        case .gre:
            writer.byte(UInt8(ascii: ":"))
            writer.text(checksumText(server.tunnelFlags))
        }
        return writer.bytes
    }

    private static func checksumText(_ flags: TunnelFlags) -> StaticString {
        if flags.contains(.remoteChecksum) { return "r+c" }
        if flags.contains(.checksum) { return "+c" }
        return "-c"
    }

    /// Five counters (`--stats`) or five rates (`--rate`).
    ///
    /// 1.31 reads a real server's counters from the kernel's 32-bit statistics (only the byte counts
    /// are 64-bit there), so for real servers connections, packets and all rates print modulo 2^32.
    static func appendCounters(
        _ stats: Statistics, rate: Bool, exact: Bool, realServer: Bool, to writer: inout ByteWriter
    ) {
        @inline(__always) func narrow(_ value: UInt64) -> UInt64 {
            realServer ? UInt64(UInt32(truncatingIfNeeded: value)) : value
        }
        if rate {
            appendCounter(narrow(stats.connectionsPerSecond), exact: exact, to: &writer)
            appendCounter(narrow(stats.incomingPacketsPerSecond), exact: exact, to: &writer)
            appendCounter(narrow(stats.outgoingPacketsPerSecond), exact: exact, to: &writer)
            appendCounter(narrow(stats.incomingBytesPerSecond), exact: exact, to: &writer)
            appendCounter(narrow(stats.outgoingBytesPerSecond), exact: exact, to: &writer)
        } else {
            appendCounter(narrow(stats.connections), exact: exact, to: &writer)
            appendCounter(narrow(stats.incomingPackets), exact: exact, to: &writer)
            appendCounter(narrow(stats.outgoingPackets), exact: exact, to: &writer)
            appendCounter(stats.incomingBytes, exact: exact, to: &writer)
            appendCounter(stats.outgoingBytes, exact: exact, to: &writer)
        }
    }

    /// ` %8llu` below 10^8 (or with `--exact`); otherwise `%8llu` of the value scaled down, truncated, and
    /// its unit: K from 10^8, M from 10^9, G from 10^11, T from 10^14 (thresholds recorded from 1.31).
    static func appendCounter(_ value: UInt64, exact: Bool, to writer: inout ByteWriter) {
        if exact || value < 100_000_000 {
            writer.byte(UInt8(ascii: " "))
            writer.rightDecimal(value, 8)
            return
        }
        let scaled: UInt64
        let unit: UInt8
        if value < 1_000_000_000 {
            (scaled, unit) = (value / 1_000, UInt8(ascii: "K"))
        } else if value < 100_000_000_000 {
            (scaled, unit) = (value / 1_000_000, UInt8(ascii: "M"))
        } else if value < 100_000_000_000_000 {
            (scaled, unit) = (value / 1_000_000_000, UInt8(ascii: "G"))
        } else {
            (scaled, unit) = (value / 1_000_000_000_000, UInt8(ascii: "T"))
        }
        writer.rightDecimal(scaled, 8)
        writer.byte(unit)
    }
}
