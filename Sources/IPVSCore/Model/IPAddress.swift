/// An IPv4 or IPv6 address, held as 16 bytes in network order (IPv4 uses the first four).
///
/// Stored inline as two integers so that tables of tens of thousands of services cost no
/// allocation per address.
public struct IPAddress: Sendable, Hashable {
    public let family: AddressFamily
    /// Bytes 0–7 of the address, big-endian (IPv4: bytes 0–3 in the top half, the rest zero).
    public let high: UInt64
    /// Bytes 8–15 of the address, big-endian (zero for IPv4).
    public let low: UInt64

    public init(family: AddressFamily, high: UInt64, low: UInt64) {
        self.family = family
        self.high = family == .inet ? high & 0xFFFF_FFFF_0000_0000 : high
        self.low = family == .inet ? 0 : low
    }

    /// An IPv4 address from its 32-bit value in host order (192.0.2.1 is 0xC0000201).
    public init(ipv4 value: UInt32) {
        self.init(family: .inet, high: UInt64(value) << 32, low: 0)
    }

    /// An address from its bytes in network order: 4 bytes for IPv4, 16 for IPv6; nil otherwise.
    public init?<Bytes: Collection>(bytes: Bytes) where Bytes.Element == UInt8 {
        let family: AddressFamily
        switch bytes.count {
        case 4: family = .inet
        case 16: family = .inet6
        default: return nil
        }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for (index, byte) in bytes.enumerated() {
            if index < 8 {
                high |= UInt64(byte) << UInt64(56 - 8 * index)
            } else {
                low |= UInt64(byte) << UInt64(56 - 8 * (index - 8))
            }
        }
        self.init(family: family, high: high, low: low)
    }

    /// The IPv4 value in host order; meaningful only for `.inet`.
    public var ipv4Value: UInt32 { UInt32(truncatingIfNeeded: high >> 32) }

    /// The address's bytes in network order: 4 for IPv4, 16 for IPv6.
    public var bytes: [UInt8] {
        let count = family == .inet ? 4 : 16
        return (0..<count).map { index in
            let word = index < 8 ? high : low
            return UInt8(truncatingIfNeeded: word >> UInt64(56 - 8 * (index % 8)))
        }
    }

    /// The all-zero address of a family.
    public static func zero(_ family: AddressFamily) -> IPAddress {
        IPAddress(family: family, high: 0, low: 0)
    }
}

extension IPAddress: Comparable {
    /// Orders as ipvsadm's sorted listings do: by family, then by the address as a number.
    public static func < (lhs: IPAddress, rhs: IPAddress) -> Bool {
        if lhs.family != rhs.family { return lhs.family.rawValue < rhs.family.rawValue }
        if lhs.high != rhs.high { return lhs.high < rhs.high }
        return lhs.low < rhs.low
    }
}
