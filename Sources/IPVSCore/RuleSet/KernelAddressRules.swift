/// Which real-server addresses the kernel takes: unicast ones (it answers EINVAL otherwise).
///
/// Learned from the 6.1 kernel in the test bed, whose only interface is `lo` (127.0.0.1/8):
/// refused are 0.0.0.0, 255.255.255.255, 224.0.0.0/4 and lo's broadcast 127.255.255.255;
/// for IPv6 the unspecified address, ff00::/8, fe80::/10 and IPv4-mapped ::ffff:0:0/96.
/// Accepted: 0.1.2.3, 240.0.0.1, 127.0.0.0, ::1, ::192.0.2.5 (IPv4-compatible), fec0::/10, fc00::/7.
public enum KernelAddressRules {
    public static func acceptsRealServer(_ address: IPAddress) -> Bool {
        switch address.family {
        case .inet:
            let value = UInt32(truncatingIfNeeded: address.high >> 32)
            if value == 0 || value == 0xFFFF_FFFF || value == 0x7FFF_FFFF { return false }
            return value >> 28 != 0xE
        case .inet6:
            if address.high == 0 && address.low == 0 { return false }
            if address.high >> 56 == 0xFF { return false }
            if address.high >> 54 == 0xFE80 >> 6 { return false }
            if address.high == 0 && address.low >> 32 == 0xFFFF { return false }
            return true
        }
    }
}
