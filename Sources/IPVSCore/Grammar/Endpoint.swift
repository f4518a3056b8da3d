/// `host[:port]` read exactly as ipvsadm reads `-t`/`-u`/`-r` values, for the other tools that
/// take addresses in the same form (the simulator's events, rule-file tooling).
public enum Endpoint {
    /// The address and port (0 when none is given), or nil when ipvsadm would call the text illegal.
    public static func parse(
        _ text: some StringProtocol, protocol proto: TransportProtocol = .tcp, resolver: any NameResolver
    ) -> (address: IPAddress, port: UInt16)? {
        guard let parsed = AddressParsing.hostAndPort(Array(text.utf8), protocol: proto, resolver: resolver) else {
            return nil
        }
        return (parsed.0, parsed.1)
    }
}
