/// Parses one ipvsadm 1.31 command line (without `argv[0]`) into a `Command`.
///
/// Like ipvsadm it reads the words twice: first only to find the command, which must be the first
/// option ("Try `ipvsadm -h'" otherwise), then every option in order, checking each value as it
/// goes; the checks that need the whole line (options the command does not take, ports,
/// tunnels, listing conflicts) follow in ipvsadm's order. Names are looked up through `resolver`.
public struct CommandLineParser: Sendable {
    public let resolver: any NameResolver

    public init(resolver: any NameResolver) {
        self.resolver = resolver
    }

    /// Parses a command line given as strings.
    public func parse(_ arguments: [String]) throws(ParseError) -> Command {
        try parse(bytes: arguments.map { Array($0.utf8) })
    }

    /// Parses a command line given as raw bytes, exactly as the C library handed them over.
    public func parse(bytes arguments: [[UInt8]]) throws(ParseError) -> Command {
        if arguments.isEmpty { return .list(ListRequest()) }
        let command = try findCommand(arguments)
        switch command {
        case .help: return .help
        case .version: return .version
        default: break
        }
        var state = ParseState(command: command, resolver: resolver)
        var scanner = OptionScanner(arguments)
        var commandSeen = false
        while true {
            let event: OptionScanner.Event?
            do {
                event = try scanner.next()
            } catch {
                switch error {
                case .unknownOption(let word): throw .popt(.unknownOption, word: word)
                case .missingArgument(let word): throw .popt(.missingArgument, word: word)
                case .unwantedArgument(let word): throw .popt(.unwantedArgument, word: word)
                }
            }
            guard let event else { break }
            switch event {
            case .argument(let word):
                state.leftovers.append(word)
            case .option(let option, let value, let word):
                if option.isCommand {
                    guard !commandSeen else { throw .invalidOption(word: word) }
                    commandSeen = true
                    try state.takeCommandValue(value)
                } else {
                    try state.take(option, value: value)
                }
            }
        }
        return try state.finish()
    }

    /// The first pass: the first option must be a command.
    private func findCommand(_ arguments: [[UInt8]]) throws(ParseError) -> Option {
        var scanner = OptionScanner(arguments)
        while true {
            let event: OptionScanner.Event?
            do {
                event = try scanner.next(accepting: { $0.isCommand })
            } catch {
                throw .tryHelp
            }
            switch event {
            case .none: throw .tryHelp
            case .argument: continue
            case .option(let option, _, _): return option
            }
        }
    }
}

/// Everything read from the options so far.
struct ParseState {
    let command: Option
    let resolver: any NameResolver
    var seen: OptionNames = []
    var leftovers: [[UInt8]] = []

    var serviceProtocol: TransportProtocol?
    var serviceAddress: IPAddress?
    var servicePort: UInt16 = 0
    var firewallMark: UInt32?
    var ipv6 = false
    var scheduler: [UInt8]?
    var persistenceEngine: [UInt8]?
    var persistentTimeout: UInt32?
    /// The netmask as read: an IPv4 mask (host order) or an IPv6 prefix length.
    var netmask: (value: UInt32, isPrefixLength: Bool)?
    var schedulerFlagsText: [UInt8]?
    var ops = false

    var realAddress: IPAddress?
    var realPort: UInt16 = 0
    var forwarding: ForwardingMethod?
    var weight: Int32?
    var upperThreshold: UInt32?
    var lowerThreshold: UInt32?
    var tunnelType: TunnelType?
    var tunnelPort: UInt16?

    var daemonState: SyncDaemonState?
    var syncID: UInt32?
    var syncMaxLength: UInt16?
    var multicastInterface: [UInt8]?
    var multicastGroup: IPAddress?
    var multicastPort: UInt16?
    var multicastTTL: UInt8?

    var listing = ListingOptions()

    init(command: Option, resolver: any NameResolver) {
        self.command = command
        self.resolver = resolver
    }

    /// The value of `--start-daemon` or `--stop-daemon`.
    mutating func takeCommandValue(_ value: [UInt8]?) throws(ParseError) {
        guard command == .startDaemon || command == .stopDaemon, let value else { return }
        switch value {
        case Array("master".utf8): daemonState = .master
        case Array("backup".utf8): daemonState = .backup
        default: throw command == .startDaemon ? .illegalStartDaemonState : .illegalStopDaemonState
        }
    }

    mutating func take(_ option: Option, value optionalValue: [UInt8]?) throws(ParseError) {
        let value = optionalValue ?? []
        if option == .ipv6 {
            guard firewallMark != nil else { throw .ipv6BeforeFirewallMark }
            ipv6 = true
            return
        }
        guard let name = OptionName(option) else { return }
        guard !seen.contains(name) else { throw .multipleOptions(name.text) }
        seen.insert(name)
        switch option {
        case .tcpService, .udpService, .sctpService:
            let proto: TransportProtocol = option == .tcpService ? .tcp : option == .udpService ? .udp : .sctp
            guard let (address, port) = AddressParsing.hostAndPort(value, protocol: proto, resolver: resolver) else {
                throw .illegalVirtualServerAddress
            }
            serviceProtocol = proto
            serviceAddress = address
            servicePort = port
        case .fwmarkService:
            guard let mark = NumberParsing.decimal(value, in: 1...0xFFFF_FFFF) else { throw .invalidFirewallMark(value) }
            firewallMark = UInt32(truncatingIfNeeded: mark)
        case .scheduler:
            scheduler = value
        case .persistenceEngine:
            persistenceEngine = value
        case .persistent:
            if optionalValue == nil {
                persistentTimeout = 360
            } else {
                guard let timeout = NumberParsing.decimal(value, in: 1...Self.maximumTimeout) else {
                    throw .invalidTimeout(value)
                }
                persistentTimeout = UInt32(truncatingIfNeeded: timeout)
            }
        case .netmask:
            if serviceAddress?.family == .inet6 || (firewallMark != nil && ipv6) {
                let length = NumberParsing.atoi(value)
                guard (1...128).contains(length) else { throw .illegalIPv6Netmask }
                netmask = (UInt32(truncatingIfNeeded: length), true)
            } else {
                guard let mask = AddressParsing.ipv4Host(value, resolver: resolver) else { throw .illegalPersistentMask }
                netmask = (mask.ipv4Value, false)
            }
        case .schedulerFlags:
            schedulerFlagsText = value
        case .ops:
            ops = true
        case .realServer:
            // A fwmark service looks up port names as TCP; before any service option, none are found.
            guard let (address, port) = AddressParsing.hostAndPort(
                value, protocol: serviceProtocol ?? (firewallMark != nil ? .tcp : nil), resolver: resolver)
            else {
                throw .illegalRealServerAddress
            }
            realAddress = address
            // Without a port of its own the real server takes the service's port as read so far:
            // 0 when -r comes before the service option (a masqueraded server then keeps 0).
            realPort = AddressParsing.givesPort(value) ? port : servicePort
        case .gatewaying: forwarding = .directRoute
        case .ipip: forwarding = .tunnel
        case .masquerading: forwarding = .masquerade
        case .weight:
            guard let parsed = NumberParsing.decimal(value, in: 0...Int64(Int32.max)) else { throw .illegalWeight }
            weight = Int32(truncatingIfNeeded: parsed)
        case .upperThreshold:
            guard let parsed = NumberParsing.decimal(value, in: 0...Int64(Int32.max)) else { throw .illegalUpperThreshold }
            upperThreshold = UInt32(truncatingIfNeeded: parsed)
        case .lowerThreshold:
            guard let parsed = NumberParsing.decimal(value, in: 0...Int64(Int32.max)) else { throw .illegalLowerThreshold }
            lowerThreshold = UInt32(truncatingIfNeeded: parsed)
        case .tunnelType:
            switch value {
            case Array("ipip".utf8): tunnelType = .ipip
            case Array("gue".utf8): tunnelType = .gue
            case Array("gre".utf8): tunnelType = .gre
            default: throw .illegalTunnelType
            }
        case .tunnelPort:
            guard let port = NumberParsing.decimal(value, in: 1...65535) else { throw .illegalTunnelPort }
            tunnelPort = UInt16(truncatingIfNeeded: port)
        case .tunnelNoChecksum, .tunnelChecksum, .tunnelRemoteChecksum:
            break
        case .connection, .timeout, .daemon:
            break
        case .stats: listing.statistics = true
        case .rate: listing.rate = true
        case .exact: listing.exact = true
        case .thresholds: listing.thresholds = true
        case .persistentConnections: listing.persistentConnections = true
        case .tunnelInfo: listing.tunnelInfo = true
        case .noSort: listing.sorted = false
        case .numeric: listing.numeric = true
        case .json: listing.json = true
        case .syncID:
            guard let parsed = NumberParsing.decimal(value, in: 0...255) else { throw .illegalSyncID }
            syncID = UInt32(truncatingIfNeeded: parsed)
        case .syncMaxLength:
            guard let parsed = NumberParsing.decimal(value, in: 1...65507) else { throw .illegalSyncMaxLength }
            syncMaxLength = UInt16(truncatingIfNeeded: parsed)
        case .multicastInterface:
            multicastInterface = value
        case .multicastGroup:
            if value.contains(UInt8(ascii: ":")) {
                guard let group = NumberParsing.inet6(value), group.high >> 56 == 0xFF else {
                    throw .invalidMulticastGroup(.inet6, value)
                }
                multicastGroup = group
            } else {
                guard let group = NumberParsing.strictDottedQuad(value), group >> 28 == 0xE else {
                    throw .invalidMulticastGroup(.inet, value)
                }
                multicastGroup = IPAddress(ipv4: group)
            }
        case .multicastPort:
            guard let parsed = NumberParsing.decimal(value, in: 1...65535) else { throw .illegalMulticastPort }
            multicastPort = UInt16(truncatingIfNeeded: parsed)
        case .multicastTTL:
            guard let parsed = NumberParsing.decimal(value, in: 1...255) else { throw .illegalMulticastTTL }
            multicastTTL = UInt8(truncatingIfNeeded: parsed)
        default:
            break
        }
    }

    /// The longest timeout ipvsadm accepts, in seconds (31 days).
    static let maximumTimeout: Int64 = 86400 * 31

    // MARK: - Checks that need the whole line

    mutating func finish() throws(ParseError) -> Command {
        var timeouts: Timeouts?
        if command == .setTimeouts {
            guard leftovers.count >= 3 else { throw .setNeedsThreeValues }
            var values: [UInt32] = []
            for word in leftovers.prefix(3) {
                guard let value = NumberParsing.decimal(word, in: 0...Self.maximumTimeout) else {
                    throw .invalidTimeout(word)
                }
                values.append(UInt32(truncatingIfNeeded: value))
            }
            timeouts = Timeouts(tcp: values[0], tcpFin: values[1], udp: values[2])
            leftovers.removeFirst(3)
        }
        if let extra = leftovers.first { throw .unexpectedArgument(extra) }

        let schedulerName = scheduler.map(Self.kernelName) ?? "wlc"
        let flags = try schedulerFlags(for: schedulerName.isEmpty ? "wlc" : schedulerName)

        // ipvsadm checks name by name, in its order, for either fault.
        let illegal = seen.subtracting(CommandRules.allowed(for: command))
        let missing = CommandRules.required(for: command).subtracting(seen)
        if let name = illegal.union(missing).first {
            throw illegal.contains(name)
                ? .illegalOption(name.text, command: CommandRules.name(of: command))
                : .missingOption(name.text, command: CommandRules.name(of: command))
        }

        switch command {
        case .addService, .editService:
            let service = try virtualService(scheduler: schedulerName, flags: flags)
            return command == .addService ? .addService(service) : .editService(service)
        case .deleteService:
            return .deleteService(try serviceKey())
        case .clear:
            return .clear
        case .restore:
            return .restore
        case .save:
            return .save(numeric: listing.numeric, json: listing.json)
        case .addServer, .editServer, .deleteServer:
            let key = try serviceKey()
            let server = try realServer(for: key)
            switch command {
            case .addServer: return .addServer(key, server)
            case .editServer: return .editServer(key, server)
            default: return .deleteServer(key, server)
            }
        case .list:
            return .list(try listRequest())
        case .zero:
            guard seen.contains(.serviceAddress) else { return .zero(nil) }
            let key = try serviceKey()
            // 1.31 sends a service of address 0 and port 0 as no service at all: every counter is zeroed.
            if case .address(_, let address, port: 0) = key, address == .zero(address.family) { return .zero(nil) }
            return .zero(key)
        case .setTimeouts:
            return .setTimeouts(timeouts ?? Timeouts(tcp: 0, tcpFin: 0, udp: 0))
        case .startDaemon:
            return .startDaemon(SyncDaemon(
                state: daemonState ?? .master,
                multicastInterface: multicastInterface.map(Self.kernelName) ?? "eth0",
                syncID: syncID ?? 0,
                maxLength: syncMaxLength ?? 0,
                multicastGroup: multicastGroup,
                multicastPort: multicastPort ?? 0,
                multicastTTL: multicastTTL ?? 0))
        case .stopDaemon:
            return .stopDaemon(daemonState ?? .master)
        default:
            return .help
        }
    }

    /// How much of a `-b` list 1.31 reads.
    static let schedulerFlagsLimit = 127

    /// Names the kernel keeps in 16-byte fields: ipvsadm copies at most 15 bytes.
    static func kernelName(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.prefix(15), as: UTF8.self)
    }

    private func schedulerFlags(for schedulerName: String) throws(ParseError) -> ServiceFlags {
        guard let fullText = schedulerFlagsText else { return [] }
        // 1.31 reads the list from a 128-byte buffer: what follows its first 127 bytes is lost.
        let text = fullText.prefix(Self.schedulerFlagsLimit)
        let tokens = text.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: true)
        if tokens.isEmpty && !text.isEmpty { throw .schedulerFlagListWithoutFlags(Array(text)) }
        var flags: ServiceFlags = []
        for token in tokens {
            let word = Array(token)
            switch word {
            case Array("flag-1".utf8): flags.insert(.schedulerFlag1)
            case Array("flag-2".utf8): flags.insert(.schedulerFlag2)
            case Array("flag-3".utf8): flags.insert(.schedulerFlag3)
            case Array("sh-fallback".utf8), Array("sh-port".utf8):
                guard schedulerName == "sh" else { throw .incompatibleSchedulerFlag(word) }
                flags.insert(word == Array("sh-port".utf8) ? .schedulerFlag2 : .schedulerFlag1)
            case Array("mh-fallback".utf8), Array("mh-port".utf8):
                guard schedulerName == "mh" else { throw .incompatibleSchedulerFlag(word) }
                flags.insert(word == Array("mh-port".utf8) ? .schedulerFlag2 : .schedulerFlag1)
            default:
                throw .invalidSchedulerFlag(word)
            }
        }
        return flags
    }

    private func serviceKey() throws(ParseError) -> ServiceKey {
        if let mark = firewallMark {
            return .firewallMark(mark, family: ipv6 ? .inet6 : .inet)
        }
        guard let proto = serviceProtocol, let address = serviceAddress else { throw .illegalVirtualServerAddress }
        return .address(proto, address, port: servicePort)
    }

    private func virtualService(scheduler: String, flags: ServiceFlags) throws(ParseError) -> VirtualService {
        let key = try serviceKey()
        var flags = flags
        if persistentTimeout != nil { flags.insert(.persistent) }
        if case .address(_, _, let port) = key, port == 0, persistentTimeout == nil { throw .zeroPort }
        if ops {
            if case .address(let proto, _, _) = key, proto != .udp { throw .onePacketOnlyForUDP }
            flags.insert(.onePacket)
        }
        var mask: UInt32?
        if let netmask {
            if key.family == .inet6 {
                mask = netmask.isPrefixLength ? netmask.value : nil
            } else {
                mask = netmask.value
            }
        }
        let engine = persistenceEngine.map(Self.kernelName)
        return VirtualService(
            key: key,
            scheduler: scheduler.isEmpty ? "wlc" : scheduler,
            flags: flags,
            timeout: persistentTimeout ?? 0,
            netmask: mask,
            persistenceEngine: engine?.isEmpty == true ? nil : engine)
    }

    private func realServer(for key: ServiceKey) throws(ParseError) -> RealServer {
        guard let address = realAddress else { throw .illegalRealServerAddress }
        let method = forwarding ?? .directRoute
        if command != .deleteServer && address.family != key.family && method != .tunnel { throw .differentAddressFamily }
        try checkTunnelOptions(method: method)
        var port = realPort
        if case .address(_, _, let servicePort) = key, command != .deleteServer, method != .masquerade {
            port = servicePort
        }
        var tunnelFlags: TunnelFlags = []
        if seen.contains(.tunnelChecksum) { tunnelFlags.insert(.checksum) }
        if seen.contains(.tunnelRemoteChecksum) { tunnelFlags.insert(.remoteChecksum) }
        return RealServer(
            address: address,
            port: port,
            forwarding: method,
            weight: weight ?? 1,
            upperThreshold: upperThreshold ?? 0,
            lowerThreshold: lowerThreshold ?? 0,
            tunnelType: tunnelType ?? .ipip,
            tunnelPort: tunnelPort ?? 0,
            tunnelFlags: tunnelFlags)
    }

    private static let tunnelOptions: OptionNames = [
        .tunnelType, .tunnelPort, .tunnelNoChecksum, .tunnelChecksum, .tunnelRemoteChecksum]
    private static let ipipIllegalOptions: OptionNames = [
        .tunnelPort, .tunnelNoChecksum, .tunnelChecksum, .tunnelRemoteChecksum]
    private static let greIllegalOptions: OptionNames = [.tunnelPort, .tunnelRemoteChecksum]

    private func checkTunnelOptions(method: ForwardingMethod) throws(ParseError) {
        guard !seen.intersection(Self.tunnelOptions).isEmpty else { return }
        guard method == .tunnel else { throw .tunnelOptionsConflictWithForwarding }
        let type = tunnelType ?? .ipip
        let typeName: String
        let illegal: OptionNames
        switch type {
        case .ipip:
            typeName = "ipip"
            illegal = Self.ipipIllegalOptions
        case .gue:
            typeName = "gue"
            illegal = []
            if !seen.contains(.tunnelPort) { throw .missingTunnelOption(OptionName.tunnelPort.text, tunnelType: typeName) }
        case .gre:
            typeName = "gre"
            illegal = Self.greIllegalOptions
        }
        for name in illegal where seen.contains(name) {
            throw .illegalTunnelOption(name.text, tunnelType: typeName)
        }
        let checksums: [OptionName] = [.tunnelNoChecksum, .tunnelChecksum, .tunnelRemoteChecksum]
        for (index, first) in checksums.enumerated() where seen.contains(first) {
            for second in checksums.dropFirst(index + 1) where seen.contains(second) {
                throw .conflictingTunnelOptions(second.text, first.text, tunnelType: typeName)
            }
        }
    }

    private func listRequest() throws(ParseError) -> ListRequest {
        let exclusive: [OptionName] = [.connection, .serviceAddress, .timeout, .daemon]
        for (index, first) in exclusive.enumerated() where seen.contains(first) {
            for second in exclusive.dropFirst(index + 1) where seen.contains(second) {
                throw .conflictingOptions(second.text, first.text, command: "list")
            }
        }
        // -c keeps --persistent-conn (it adds the persistence-engine columns); --timeout and
        // --daemon do not.
        let formats: [OptionName] = [.stats, .rate, .thresholds]
        if seen.contains(.connection), formats.contains(where: { seen.contains($0) }) {
            throw .listOptionsConflict
        }
        if seen.contains(.timeout) || seen.contains(.daemon),
           (formats + [.persistentConnections]).contains(where: { seen.contains($0) }) {
            throw .listOptionsConflict
        }
        var request = ListRequest(options: listing)
        if seen.contains(.connection) { request.content = .connections }
        if seen.contains(.timeout) { request.content = .timeouts }
        if seen.contains(.daemon) { request.content = .daemons }
        if seen.contains(.serviceAddress) { request.service = try serviceKey() }
        return request
    }
}
