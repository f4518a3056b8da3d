/// `host[:port]` as ipvsadm 1.31 reads it for `-t`, `-u`, `--sctp-service` and `-r`.
enum AddressParsing {
    /// The address and port (0 when none is given), or nil when ipvsadm calls the text illegal.
    ///
    /// `[v6]:port` brackets an IPv6 address; an unbracketed IPv6 address takes no port. Hosts are
    /// IPv4 numbers in any `inet_aton` form or names resolved to IPv4; ports are decimal numbers
    /// (`strtol` rules) or service names for `protocol`. ipvsadm 1.31 reads a bracketed host that
    /// is not an IPv6 address as IPv4 and drops its port.
    static func hostAndPort(
        _ text: [UInt8], protocol proto: TransportProtocol?, resolver: any NameResolver
    ) -> (IPAddress, UInt16)? {
        if text.first == UInt8(ascii: "[") {
            guard let close = text.firstIndex(of: UInt8(ascii: "]")) else { return nil }
            let host = text[1..<close]
            let rest = text[(close + 1)...]
            guard rest.first == UInt8(ascii: ":"), rest.count > 1 else { return nil }
            if let address = NumberParsing.inet6(host) {
                guard let port = port(rest.dropFirst(), protocol: proto, resolver: resolver) else { return nil }
                return (address, port)
            }
            // 1.31 neither reads nor checks the port of a bracketed IPv4 host.
            guard let address = ipv4Host(host, resolver: resolver) else { return nil }
            return (address, 0)
        }
        if let address = NumberParsing.inet6(text) { return (address, 0) }
        // 1.31 takes text of only decimal digits for a port with no host, which it refuses
        // (`1` and `3221225985` are illegal, although inet_aton reads them; `0x1` and `1:80` are not).
        if !text.isEmpty, !text.contains(where: { $0 < UInt8(ascii: "0") || $0 > UInt8(ascii: "9") }) { return nil }
        let hostPart: ArraySlice<UInt8>
        var portNumber: UInt16 = 0
        if let colon = text.firstIndex(of: UInt8(ascii: ":")) {
            hostPart = text[..<colon]
            let portPart = text[(colon + 1)...]
            guard !portPart.isEmpty, let port = port(portPart, protocol: proto, resolver: resolver) else { return nil }
            portNumber = port
        } else {
            hostPart = text[...]
        }
        guard let address = ipv4Host(hostPart, resolver: resolver) else { return nil }
        return (address, portNumber)
    }

    /// Whether `host[:port]` text that `hostAndPort` accepts gave a port, even `:0`: 1.31 keeps an
    /// explicit port 0 for a masqueraded real server, and uses the service's port when none is given.
    static func givesPort(_ text: [UInt8]) -> Bool {
        if text.first == UInt8(ascii: "[") {
            guard let close = text.firstIndex(of: UInt8(ascii: "]")) else { return false }
            return NumberParsing.inet6(text[1..<close]) != nil && text[(close + 1)...].first == UInt8(ascii: ":")
        }
        if NumberParsing.inet6(text) != nil { return false }
        return text.contains(UInt8(ascii: ":"))
    }

    /// An IPv4 address in `inet_aton` form, or the first IPv4 address of a host name.
    static func ipv4Host(_ text: some Collection<UInt8>, resolver: any NameResolver) -> IPAddress? {
        guard !text.isEmpty, !text.contains(0) else { return nil }
        if let value = NumberParsing.inetAton(text) { return IPAddress(ipv4: value) }
        guard let name = String(validating: Array(text), as: UTF8.self) else { return nil }
        return resolver.addresses(forHost: name, family: .inet).first { $0.family == .inet }
    }

    /// A port number 0–65535, or a service name for `protocol`.
    /// With no protocol (a `-r` read before any service option) only numbers are accepted.
    static func port(_ text: some Collection<UInt8>, protocol proto: TransportProtocol?, resolver: any NameResolver) -> UInt16? {
        if let value = NumberParsing.decimal(text) {
            guard (0...65535).contains(value) else { return nil }
            return UInt16(truncatingIfNeeded: value)
        }
        guard let proto, let name = String(validating: Array(text), as: UTF8.self) else { return nil }
        return resolver.port(forService: name, protocol: proto)
    }
}
