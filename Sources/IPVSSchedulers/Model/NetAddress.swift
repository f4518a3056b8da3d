/// An IPv4 or IPv6 address as the schedulers see it: 16 bytes in network order, held inline.
///
/// The layout matches `IPVSCore.IPAddress` (IPv4 in the top 32 bits of `high`), so converting
/// between the two is a field copy. The scheduler library has no dependency on `IPVSCore`.
public struct NetAddress: Sendable, Hashable {
    /// The address family.
    public enum Family: UInt8, Sendable, Hashable {
        case ipv4
        case ipv6
    }

    public let family: Family
    /// Bytes 0–7, big-endian (IPv4: the address in the top 32 bits, the rest zero).
    public let high: UInt64
    /// Bytes 8–15, big-endian (zero for IPv4).
    public let low: UInt64

    /// An address from its two 64-bit halves; IPv4 keeps only the top 32 bits of `high`.
    public init(family: Family, high: UInt64, low: UInt64) {
        self.family = family
        self.high = family == .ipv4 ? high & 0xFFFF_FFFF_0000_0000 : high
        self.low = family == .ipv4 ? 0 : low
    }

    /// An IPv4 address from its value in host order (192.0.2.1 is 0xC000_0201).
    public init(ipv4 value: UInt32) {
        self.init(family: .ipv4, high: UInt64(value) << 32, low: 0)
    }

    /// An IPv6 address from its two big-endian halves.
    public init(ipv6High high: UInt64, low: UInt64) {
        self.init(family: .ipv6, high: high, low: low)
    }

    /// The IPv4 value in host order; meaningful only for `.ipv4`.
    public var ipv4Value: UInt32 { UInt32(truncatingIfNeeded: high >> 32) }

    /// The kernel's 32-bit fold of an address, in host order: the IPv4 value itself, or for
    /// IPv6 the XOR of its four big-endian 32-bit words (as sh, dh, lblc, lblcr and mh use it).
    @inlinable
    public var folded: UInt32 {
        switch family {
        case .ipv4:
            return UInt32(truncatingIfNeeded: high >> 32)
        case .ipv6:
            return UInt32(truncatingIfNeeded: high >> 32) ^ UInt32(truncatingIfNeeded: high)
                ^ UInt32(truncatingIfNeeded: low >> 32) ^ UInt32(truncatingIfNeeded: low)
        }
    }

    /// This address with `mask` applied bit by bit (persistence `-M`).
    public func masked(by mask: NetAddress) -> NetAddress {
        NetAddress(family: family, high: high & mask.high, low: low & mask.low)
    }

    /// The mask with the leading `prefixLength` bits set, for a family (IPv4 up to 32, IPv6 up to
    /// 128; larger values are clamped).
    public static func mask(prefixLength: Int, family: Family) -> NetAddress {
        let bits = max(0, min(prefixLength, family == .ipv4 ? 32 : 128))
        func ones(_ count: Int) -> UInt64 {
            count <= 0 ? 0 : count >= 64 ? UInt64.max : ~(UInt64.max >> UInt64(count))
        }
        return NetAddress(family: family, high: ones(bits), low: ones(bits - 64))
    }

    /// The all-ones mask of a family: persistence per single client address.
    public static func hostMask(_ family: Family) -> NetAddress {
        mask(prefixLength: 128, family: family)
    }
}

extension NetAddress: Comparable {
    /// Orders by family, then numerically (as ipvsadm's sorted listing does).
    public static func < (lhs: NetAddress, rhs: NetAddress) -> Bool {
        if lhs.family != rhs.family { return lhs.family.rawValue < rhs.family.rawValue }
        if lhs.high != rhs.high { return lhs.high < rhs.high }
        return lhs.low < rhs.low
    }
}
