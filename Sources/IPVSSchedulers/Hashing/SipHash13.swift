/// A 128-bit key for `hsiphash` on 64-bit kernels: two 64-bit words.
public struct SipHashKey: Sendable, Hashable {
    public var k0: UInt64
    public var k1: UInt64

    public init(_ k0: UInt64, _ k1: UInt64) {
        self.k0 = k0
        self.k1 = k1
    }
}

/// `hsiphash` as built on 64-bit kernels: SipHash-1-3 with 64-bit state (one compression round,
/// three finalisation rounds), returning the low 32 bits of `v0 ^ v1 ^ v2 ^ v3`.
enum SipHash13 {
    /// Hashes a message of at most 7 bytes, given as the little-endian value of its bytes.
    @inlinable
    static func hash(shortMessage message: UInt64, length: Int, key: SipHashKey) -> UInt32 {
        var v0: UInt64 = 0x736F_6D65_7073_6575 ^ key.k0
        var v1: UInt64 = 0x646F_7261_6E64_6F6D ^ key.k1
        var v2: UInt64 = 0x6C79_6765_6E65_7261 ^ key.k0
        var v3: UInt64 = 0x7465_6462_7974_6573 ^ key.k1
        let block = UInt64(length) << 56 | message
        v3 ^= block
        round(&v0, &v1, &v2, &v3)
        v0 ^= block
        v2 ^= 0xFF
        round(&v0, &v1, &v2, &v3)
        round(&v0, &v1, &v2, &v3)
        round(&v0, &v1, &v2, &v3)
        return UInt32(truncatingIfNeeded: v0 ^ v1 ^ v2 ^ v3)
    }

    /// `hsiphash` of the 4 bytes of `value` in little-endian order (as the kernel hashes a
    /// `u32` in memory on x86).
    @inlinable
    static func hash(_ value: UInt32, key: SipHashKey) -> UInt32 {
        hash(shortMessage: UInt64(value), length: 4, key: key)
    }

    @inlinable @inline(__always)
    static func round(_ v0: inout UInt64, _ v1: inout UInt64, _ v2: inout UInt64, _ v3: inout UInt64) {
        v0 &+= v1
        v1 = v1.rotatedLeft(13)
        v1 ^= v0
        v0 = v0.rotatedLeft(32)
        v2 &+= v3
        v3 = v3.rotatedLeft(16)
        v3 ^= v2
        v0 &+= v3
        v3 = v3.rotatedLeft(21)
        v3 ^= v0
        v2 &+= v1
        v1 = v1.rotatedLeft(17)
        v1 ^= v2
        v2 = v2.rotatedLeft(32)
    }
}

extension UInt64 {
    @inlinable @inline(__always)
    func rotatedLeft(_ count: UInt64) -> UInt64 {
        (self << count) | (self >> (64 - count))
    }
}
