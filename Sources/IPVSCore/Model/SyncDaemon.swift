/// The role of a connection-synchronisation daemon.
public enum SyncDaemonState: UInt32, Sendable, Hashable, CaseIterable {
    case master = 1
    case backup = 2
}

/// A connection-synchronisation daemon (`--start-daemon`), as configured or as the kernel reports it.
public struct SyncDaemon: Sendable, Hashable {
    public var state: SyncDaemonState
    public var multicastInterface: String
    public var syncID: UInt32
    /// Maximum sync message length; 0 lets the kernel choose.
    public var maxLength: UInt16
    /// Multicast group; nil for the kernel's default (224.0.0.81).
    public var multicastGroup: IPAddress?
    /// UDP port; 0 for the kernel's default (8848).
    public var multicastPort: UInt16
    /// Multicast TTL; 0 for the kernel's default (1).
    public var multicastTTL: UInt8

    public init(
        state: SyncDaemonState,
        multicastInterface: String,
        syncID: UInt32 = 0,
        maxLength: UInt16 = 0,
        multicastGroup: IPAddress? = nil,
        multicastPort: UInt16 = 0,
        multicastTTL: UInt8 = 0
    ) {
        self.state = state
        self.multicastInterface = multicastInterface
        self.syncID = syncID
        self.maxLength = maxLength
        self.multicastGroup = multicastGroup
        self.multicastPort = multicastPort
        self.multicastTTL = multicastTTL
    }

    /// The group the kernel uses: the one given, or 224.0.0.81.
    public var effectiveMulticastGroup: IPAddress { multicastGroup ?? IPAddress(ipv4: 0xE000_0051) }
    /// The UDP port the kernel uses: the one given, or 8848.
    public var effectiveMulticastPort: UInt16 { multicastPort == 0 ? 8848 : multicastPort }
    /// The TTL the kernel uses: the one given, or 1.
    public var effectiveMulticastTTL: UInt8 { multicastTTL == 0 ? 1 : multicastTTL }
}
