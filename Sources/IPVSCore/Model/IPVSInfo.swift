/// What GET_INFO reports: the IPVS version and the connection hash table's size.
public struct IPVSInfo: Sendable, Hashable {
    /// Version as the kernel encodes it: major << 16 | minor << 8 | patch.
    public var version: UInt32
    public var connectionTableSize: UInt32

    public init(version: UInt32, connectionTableSize: UInt32) {
        self.version = version
        self.connectionTableSize = connectionTableSize
    }

    public var major: UInt32 { (version >> 16) & 0xFF }
    public var minor: UInt32 { (version >> 8) & 0xFF }
    public var patch: UInt32 { version & 0xFF }
}
