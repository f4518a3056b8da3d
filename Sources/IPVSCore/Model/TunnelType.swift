/// The encapsulation of a tunnelling real server (`--tun-type`), with the kernel's values.
public enum TunnelType: UInt8, Sendable, Hashable, CaseIterable {
    case ipip = 0
    case gue = 1
    case gre = 2
}

/// Checksum options of a GUE or GRE tunnel (`--tun-nocsum`, `--tun-csum`, `--tun-remcsum`).
public struct TunnelFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let noChecksum: TunnelFlags = []
    public static let checksum = TunnelFlags(rawValue: 0x0001)
    public static let remoteChecksum = TunnelFlags(rawValue: 0x0002)
}
