/// Addresses and ports as ipvsadm 1.31 prints them: dotted quads, glibc's `inet_ntop` text for IPv6,
/// and names through a `NameResolver` when not numeric.
public enum AddressText {
    /// The address as `inet_ntop` writes it (IPv6 compressed as glibc does, IPv4-mapped tails dotted).
    public static func numeric(_ address: IPAddress) -> [UInt8] {
        var writer = ByteWriter(capacity: 40)
        append(address, to: &writer)
        return writer.bytes
    }

    static func append(_ address: IPAddress, to writer: inout ByteWriter) {
        switch address.family {
        case .inet: appendIPv4(address.ipv4Value, to: &writer)
        case .inet6: appendIPv6(address, to: &writer)
        }
    }

    static func appendIPv4(_ value: UInt32, to writer: inout ByteWriter) {
        writer.decimal(UInt32((value >> 24) & 0xFF))
        writer.byte(UInt8(ascii: "."))
        writer.decimal(UInt32((value >> 16) & 0xFF))
        writer.byte(UInt8(ascii: "."))
        writer.decimal(UInt32((value >> 8) & 0xFF))
        writer.byte(UInt8(ascii: "."))
        writer.decimal(UInt32(value & 0xFF))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// glibc `inet_ntop6`: the longest run (at least two) of zero words becomes `::`, the first on a tie;
    /// `::a.b.c.d` and `::ffff:a.b.c.d` keep their IPv4 tail dotted.
    static func appendIPv6(_ address: IPAddress, to writer: inout ByteWriter) {
        var words = [UInt16](repeating: 0, count: 8)
        for index in 0..<8 {
            let half = index < 4 ? address.high : address.low
            words[index] = UInt16(truncatingIfNeeded: half >> UInt64(48 - 16 * (index % 4)))
        }
        var bestBase = -1, bestLength = 0, currentBase = -1, currentLength = 0
        for index in 0..<8 {
            if words[index] == 0 {
                if currentBase == -1 { currentBase = index; currentLength = 1 } else { currentLength += 1 }
            } else if currentBase != -1 {
                if bestBase == -1 || currentLength > bestLength { bestBase = currentBase; bestLength = currentLength }
                currentBase = -1
            }
        }
        if currentBase != -1, bestBase == -1 || currentLength > bestLength {
            bestBase = currentBase
            bestLength = currentLength
        }
        if bestBase != -1, bestLength < 2 { bestBase = -1 }
        var index = 0
        while index < 8 {
            if bestBase != -1, index >= bestBase, index < bestBase + bestLength {
                if index == bestBase { writer.byte(UInt8(ascii: ":")) }
                index += 1
                continue
            }
            if index != 0 { writer.byte(UInt8(ascii: ":")) }
            if index == 6, bestBase == 0, bestLength == 6 || (bestLength == 5 && words[5] == 0xFFFF) {
                appendIPv4(UInt32(words[6]) << 16 | UInt32(words[7]), to: &writer)
                return
            }
            appendHexWord(words[index], to: &writer)
            index += 1
        }
        if bestBase != -1, bestBase + bestLength == 8 { writer.byte(UInt8(ascii: ":")) }
    }

    private static func appendHexWord(_ word: UInt16, to writer: inout ByteWriter) {
        var started = false
        for shift in stride(from: 12, through: 0, by: -4) {
            let nibble = Int((word >> UInt16(shift)) & 0xF)
            if nibble != 0 || started || shift == 0 {
                writer.byte(hexDigits[nibble])
                started = true
            }
        }
    }

    /// `host:port` (IPv6 as `[host]:port`), with names unless `numeric`, cut to `limit` bytes as 1.31
    /// cuts its fixed buffers (28 for IPv4 in -L rows, 59 otherwise).
    static func hostPort(
        _ address: IPAddress, port: UInt16, protocol transport: TransportProtocol?,
        numeric: Bool, names: any NameResolver, limit: Int
    ) -> [UInt8] {
        var writer = ByteWriter(capacity: 48)
        if address.family == .inet6 { writer.byte(UInt8(ascii: "[")) }
        if !numeric, let name = names.hostName(for: address) {
            writer.text(name)
        } else {
            append(address, to: &writer)
        }
        if address.family == .inet6 { writer.byte(UInt8(ascii: "]")) }
        writer.byte(UInt8(ascii: ":"))
        if !numeric, let transport, let service = names.serviceName(forPort: port, protocol: transport) {
            writer.text(service)
        } else {
            writer.decimal(port)
        }
        if writer.bytes.count > limit { writer.bytes.removeSubrange(limit...) }
        return writer.bytes
    }

    /// The width 1.31 allows a `host:port` in -L rows: its IPv4 buffer is smaller than its IPv6 one.
    static func listingLimit(_ family: AddressFamily) -> Int { family == .inet ? 28 : 59 }
    static let saveLimit = 59
}
