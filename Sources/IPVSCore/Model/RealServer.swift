/// A real server (the kernel's "destination") behind a virtual service.
public struct RealServer: Sendable, Hashable {
    public var address: IPAddress
    public var port: UInt16
    public var forwarding: ForwardingMethod
    public var weight: Int32
    /// Upper connection threshold (`-x`); 0 means none.
    public var upperThreshold: UInt32
    /// Lower connection threshold (`-y`); 0 means none.
    public var lowerThreshold: UInt32
    public var tunnelType: TunnelType
    public var tunnelPort: UInt16
    public var tunnelFlags: TunnelFlags
    public var activeConnections: UInt32
    public var inactiveConnections: UInt32
    public var persistentConnections: UInt32
    public var statistics: Statistics

    public var family: AddressFamily { address.family }

    public init(
        address: IPAddress,
        port: UInt16,
        forwarding: ForwardingMethod = .directRoute,
        weight: Int32 = 1,
        upperThreshold: UInt32 = 0,
        lowerThreshold: UInt32 = 0,
        tunnelType: TunnelType = .ipip,
        tunnelPort: UInt16 = 0,
        tunnelFlags: TunnelFlags = [],
        activeConnections: UInt32 = 0,
        inactiveConnections: UInt32 = 0,
        persistentConnections: UInt32 = 0,
        statistics: Statistics = Statistics()
    ) {
        self.address = address
        self.port = port
        self.forwarding = forwarding
        self.weight = weight
        self.upperThreshold = upperThreshold
        self.lowerThreshold = lowerThreshold
        self.tunnelType = tunnelType
        self.tunnelPort = tunnelPort
        self.tunnelFlags = tunnelFlags
        self.activeConnections = activeConnections
        self.inactiveConnections = inactiveConnections
        self.persistentConnections = persistentConnections
        self.statistics = statistics
    }
}
