import IPVSCore

/// How a TUN real server takes the director's packets apart (the director's `--tun-type`).
public enum TunnelDecapsulation: Sendable, Hashable {
    /// IP in IP, received by the kernel's fall-back tunnel device of the ipip (or ip6_tunnel) module.
    case ipip(AddressFamily)
    /// Generic UDP Encapsulation on a UDP port (the director's `--tun-port`), opened with `ip fou`;
    /// what is inside goes on to the same fall-back tunnel device as plain ipip.
    case gue(port: UInt16, AddressFamily)

    public var family: AddressFamily {
        switch self {
        case .ipip(let family), .gue(_, let family): family
        }
    }

    /// The device that receives the inner packets. The kernel makes it in every network namespace
    /// once the module is loaded; it accepts tunnelled packets from any director.
    public var device: String {
        family == .inet ? "tunl0" : "ip6tnl0"
    }

    /// The kernel module that makes `device`, for the error when it is missing.
    public var module: String {
        family == .inet ? "ipip" : "ip6_tunnel"
    }

    /// The GUE port, or nil for plain ipip.
    public var guePort: UInt16? {
        if case .gue(let port, _) = self { return port }
        return nil
    }
}
