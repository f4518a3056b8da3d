import IPVSCore

extension ConnectionTarget {
    /// A target from the simulator's two words: PROTO (`tcp`, `udp`, `sctp` or `fwmark=N`) and
    /// `ADDRESS:PORT`, read as ipvsadm reads addresses. The error says which word is wrong.
    public static func parse(
        protocol word: some StringProtocol, endpoint: some StringProtocol, resolver: any NameResolver
    ) throws(SimulationError) -> ConnectionTarget {
        let transport: TransportProtocol
        var mark: UInt32?
        switch word {
        case "tcp": transport = .tcp
        case "udp": transport = .udp
        case "sctp": transport = .sctp
        case let text where text.hasPrefix("fwmark="):
            guard let value = UInt32(text.dropFirst("fwmark=".count)), value > 0 else {
                throw SimulationError("bad firewall mark in \(text)")
            }
            mark = value
            transport = .tcp
        default:
            throw SimulationError("unknown protocol \(word) (tcp, udp, sctp or fwmark=N)")
        }
        guard let virtual = Endpoint.parse(endpoint, protocol: transport, resolver: resolver) else {
            throw SimulationError("bad address \(endpoint)")
        }
        return mark.map { .firewallMark($0, virtual.address, port: virtual.port) }
            ?? .address(transport, virtual.address, port: virtual.port)
    }

    /// The protocol a connection to this target speaks (firewall-mark traffic is simulated as TCP).
    var transport: TransportProtocol {
        switch self {
        case .address(let transport, _, _): return transport
        case .firewallMark: return .tcp
        }
    }
}
