/// A virtual service: the VIP:port (or firewall mark) that clients reach, and how it schedules.
public struct VirtualService: Sendable, Hashable {
    public var key: ServiceKey
    /// The scheduler's name as the kernel knows it (`wlc`, `rr`, …).
    public var scheduler: String
    public var flags: ServiceFlags
    /// Persistence timeout in seconds; meaningful when `flags` has `.persistent`.
    public var timeout: UInt32
    /// Persistence granularity: an IPv4 netmask in host order (0xFFFFFFFF = /32), or an IPv6 prefix length.
    public var netmask: UInt32
    /// Persistence engine (`--pe sip`), or nil.
    public var persistenceEngine: String?
    /// Counters as read from the kernel; zero for a service that is only described.
    public var statistics: Statistics

    public var family: AddressFamily { key.family }

    public init(
        key: ServiceKey,
        scheduler: String = "wlc",
        flags: ServiceFlags = [],
        timeout: UInt32 = 0,
        netmask: UInt32? = nil,
        persistenceEngine: String? = nil,
        statistics: Statistics = Statistics()
    ) {
        self.key = key
        self.scheduler = scheduler
        self.flags = flags
        self.timeout = timeout
        self.netmask = netmask ?? (key.family == .inet ? 0xFFFF_FFFF : 128)
        self.persistenceEngine = persistenceEngine
        self.statistics = statistics
    }
}
