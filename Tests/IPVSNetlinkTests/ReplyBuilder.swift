/// Builds netlink reply bytes by hand, as the kernel lays them out (little-endian host).
struct ReplyBuilder {
    private(set) var bytes: [UInt8] = []

    static func u16(_ value: UInt16) -> [UInt8] { withUnsafeBytes(of: value.littleEndian) { Array($0) } }
    static func u32(_ value: UInt32) -> [UInt8] { withUnsafeBytes(of: value.littleEndian) { Array($0) } }
    static func u64(_ value: UInt64) -> [UInt8] { withUnsafeBytes(of: value.littleEndian) { Array($0) } }
    static func be16(_ value: UInt16) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xFF)] }

    /// One attribute, padded to four bytes.
    static func attribute(_ type: UInt16, _ payload: [UInt8]) -> [UInt8] {
        var result = u16(UInt16(4 + payload.count)) + u16(type) + payload
        while result.count % 4 != 0 { result.append(0) }
        return result
    }

    /// A whole generic-netlink message of `type` carrying `attributes`.
    static func message(type: UInt16 = 0x20, command: UInt8 = 1, flags: UInt16 = 0, sequence: UInt32 = 7,
                        attributes: [UInt8]) -> [UInt8] {
        let length = UInt32(16 + 4 + attributes.count)
        return u32(length) + u16(type) + u16(flags) + u32(sequence) + u32(0) + [command, 1, 0, 0] + attributes
    }

    /// An NLMSG_ERROR message: `error` is the negative errno, 0 for an ack.
    static func ack(sequence: UInt32, error: Int32) -> [UInt8] {
        let header = u32(16) + u16(0x20) + u16(0) + u32(sequence) + u32(0)
        return u32(36) + u16(2) + u16(0) + u32(sequence) + u32(0) + u32(UInt32(bitPattern: error)) + header
    }
}
