/// What identifies a virtual service to the kernel: protocol, address and port, or a firewall mark.
public enum ServiceKey: Sendable, Hashable {
    /// A service on VIP:port for one protocol (`-t`, `-u`, `--sctp-service`).
    case address(TransportProtocol, IPAddress, port: UInt16)
    /// A service matching packets carrying a firewall mark (`-f`), in one address family.
    case firewallMark(UInt32, family: AddressFamily)

    public var family: AddressFamily {
        switch self {
        case .address(_, let address, _): return address.family
        case .firewallMark(_, let family): return family
        }
    }
}
