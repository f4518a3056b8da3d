/// A stable handle on a destination of one service, valid while it is listed and while it sits
/// in the service's trash (a removed destination that connections, templates or lblc/lblcr
/// caches may still reference, and that is revived if the same address and port is added again).
public struct DestinationID: Sendable, Hashable, Comparable {
    public let rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static func < (lhs: DestinationID, rhs: DestinationID) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// A real server of a virtual service (the kernel's `struct ip_vs_dest`), with the fields the
/// schedulers read.
public struct Destination: Sendable, Hashable {
    public let id: DestinationID
    public let address: NetAddress
    public let port: UInt16
    /// The current weight (`-w`); 0 quiesces the server for new connections.
    public internal(set) var weight: Int32
    /// The latest weight given by an add, or by an edit to a non-zero weight (used by mh only).
    public internal(set) var lastWeight: Int32
    /// Upper connection threshold (`-x`); 0 = none.
    public internal(set) var upperThreshold: UInt32
    /// Lower connection threshold (`-y`); 0 = none.
    public internal(set) var lowerThreshold: UInt32
    /// Connections counted as active (TCP from the first SYN until closing).
    public internal(set) var activeConnections: Int32
    /// Connections counted as inactive (every UDP connection, closed TCP ones).
    public internal(set) var inactiveConnections: Int32
    /// Persistence templates bound to this server.
    public internal(set) var persistentConnections: Int32
    /// `IP_VS_DEST_F_OVERLOAD`: set and cleared by the thresholds.
    public internal(set) var isOverloaded: Bool
    /// `IP_VS_DEST_F_AVAILABLE`: true while the server is on the service's list.
    public internal(set) var isAvailable: Bool

    init(id: DestinationID, address: NetAddress, port: UInt16) {
        self.id = id
        self.address = address
        self.port = port
        weight = 0
        lastWeight = 0
        upperThreshold = 0
        lowerThreshold = 0
        activeConnections = 0
        inactiveConnections = 0
        persistentConnections = 0
        isOverloaded = false
        isAvailable = false
    }

    /// `ip_vs_dest_conn_overhead`: `active * 256 + inactive`, in C `int` arithmetic.
    @inlinable
    public var connectionOverhead: Int32 {
        (activeConnections &<< 8) &+ inactiveConnections
    }

    /// `active + inactive`, the total the thresholds compare against (templates excluded).
    @inlinable
    public var totalConnections: Int64 {
        Int64(activeConnections) + Int64(inactiveConnections)
    }

    /// Usable for a new choice by most schedulers: weight above 0 and not overloaded.
    @inlinable
    var isUsable: Bool { weight > 0 && !isOverloaded }
}

/// The settings of a destination given to add or edit (`-w`, `-x`, `-y`).
public struct DestinationSettings: Sendable, Hashable {
    public var weight: Int32
    public var upperThreshold: UInt32
    public var lowerThreshold: UInt32

    /// Defaults as ipvsadm's: weight 1, no thresholds.
    public init(weight: Int32 = 1, upperThreshold: UInt32 = 0, lowerThreshold: UInt32 = 0) {
        self.weight = weight
        self.upperThreshold = upperThreshold
        self.lowerThreshold = lowerThreshold
    }
}
