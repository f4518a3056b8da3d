import IPVSCore

/// What one real server of a DR or TUN cluster needs: the VIP held locally without answering ARP
/// for it, and for TUN the decapsulation of what the director sends.
public struct RealServerSetup: Sendable, Hashable {
    /// The virtual IP address, held as a /32 (IPv4) or /128 (IPv6).
    public var vip: IPAddress
    /// The interface that holds the VIP.
    public var device: String
    /// How the director's packets arrive: none for DR, a tunnel for TUN.
    public var tunnel: TunnelDecapsulation?

    /// The interface made for the VIP when none is named: a dummy, so that `lo` stays untouched.
    public static let defaultDummyDevice = "ipvs0"

    /// A setup for `vip`; the VIP goes on `device`, else on the tunnel's device, else on a dummy.
    public init(vip: IPAddress, device: String? = nil, tunnel: TunnelDecapsulation? = nil) throws(RealServerError) {
        if let device {
            guard Self.isValidDeviceName(device) else { throw .invalidDevice(device) }
        }
        if let tunnel, tunnel.family != vip.family {
            throw .tunnelFamilyMismatch(vip: vip)
        }
        self.vip = vip
        self.tunnel = tunnel
        self.device = device ?? tunnel?.device ?? Self.defaultDummyDevice
    }

    /// Reads the VIP as an IPv4 or IPv6 number (no names, no port).
    public static func parseVIP(_ text: String) throws(RealServerError) -> IPAddress {
        guard !text.isEmpty, !text.hasPrefix("["),
              let parsed = Endpoint.parse(text, resolver: NumericOnlyResolver()),
              parsed.port == 0, !text.contains("/"),
              parsed.address.family == .inet6 || !text.contains(":")
        else { throw .invalidVIP(text) }
        return parsed.address
    }

    /// Linux's rule for interface names: 1–15 bytes, no `/`, no white space, not `.` or `..`.
    static func isValidDeviceName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard (1...15).contains(bytes.count), name != ".", name != ".." else { return false }
        return !bytes.contains { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ":") || $0 <= 0x20 || $0 == 0x7F }
    }

    /// The VIP as `ip` writes it, with its host prefix.
    public var vipPrefix: AddressPrefix { AddressPrefix(host: vip) }
}
