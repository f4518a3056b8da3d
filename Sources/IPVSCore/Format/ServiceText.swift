/// The pieces of a service line shared by `-L` and `-S`.
enum ServiceText {
    static func protocolName(_ key: ServiceKey) -> StaticString {
        switch key {
        case .address(.tcp, _, _): return "TCP"
        case .address(.udp, _, _): return "UDP"
        case .address(.sctp, _, _): return "SCTP"
        case .firewallMark: return "FWM"
        }
    }

    /// The transport whose service names apply to a port, or nil (firewall-mark services print ports as numbers).
    static func transport(_ key: ServiceKey) -> TransportProtocol? {
        if case .address(let transport, _, _) = key { return transport }
        return nil
    }

    /// A firewall mark as 1.31 prints it: a signed 32-bit `%d`.
    static func appendMark(_ mark: UInt32, to writer: inout ByteWriter) {
        writer.decimal(Int32(bitPattern: mark))
    }

    /// The scheduler-flag names of `-b`, comma-separated; nil when none of the three flags is set.
    /// sh and mh name their first two flags and print nothing for the third.
    static func schedulerFlags(_ service: VirtualService) -> [UInt8]? {
        let flags = service.flags
        guard !flags.intersection([.schedulerFlag1, .schedulerFlag2, .schedulerFlag3]).isEmpty else { return nil }
        let names: [StaticString?]
        switch service.scheduler {
        case "sh": names = ["sh-fallback", "sh-port", nil]
        case "mh": names = ["mh-fallback", "mh-port", nil]
        default: names = ["flag-1", "flag-2", "flag-3"]
        }
        var writer = ByteWriter(capacity: 32)
        let bits: [ServiceFlags] = [.schedulerFlag1, .schedulerFlag2, .schedulerFlag3]
        for (bit, name) in zip(bits, names) where flags.contains(bit) {
            guard let name else { continue }
            if !writer.bytes.isEmpty { writer.byte(UInt8(ascii: ",")) }
            writer.text(name)
        }
        return writer.bytes
    }

    /// The persistence netmask when it differs from the family's default (/32, /128); nil otherwise.
    static func nonDefaultMask(_ service: VirtualService) -> [UInt8]? {
        switch service.family {
        case .inet:
            guard service.netmask != 0xFFFF_FFFF else { return nil }
            var writer = ByteWriter(capacity: 16)
            AddressText.appendIPv4(service.netmask, to: &writer)
            return writer.bytes
        case .inet6:
            guard service.netmask != 128 else { return nil }
            return ByteWriter.decimalBytes(UInt64(service.netmask))
        }
    }

    static func forwardingName(_ method: ForwardingMethod) -> StaticString {
        switch method {
        case .masquerade: return "Masq"
        case .local: return "Local"
        case .tunnel: return "Tunnel"
        case .directRoute: return "Route"
        // 1.31 has no name for it: printf of a NULL string (recorded: forwarding).
        case .bypass: return "(null)"
        }
    }

    static func tunnelTypeName(_ type: TunnelType) -> StaticString {
        switch type {
        case .ipip: return "ipip"
        case .gue: return "gue"
        case .gre: return "gre"
        }
    }
}
