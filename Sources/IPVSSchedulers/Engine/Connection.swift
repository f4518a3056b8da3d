/// The caller's name for a connection (the replay's `ID`).
public struct ConnectionID: Sendable, Hashable, Comparable {
    public let rawValue: UInt64
    public init(_ rawValue: UInt64) { self.rawValue = rawValue }
    public static func < (lhs: ConnectionID, rhs: ConnectionID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A connection entry bound to a destination.
public struct Connection: Sendable, Hashable {
    public let id: ConnectionID
    public let packetProtocol: PacketProtocol
    public let client: NetAddress
    public let clientPort: UInt16
    public let virtualAddress: NetAddress
    public let virtualPort: UInt16
    public let destination: DestinationID
    /// Whether the entry counts in `activeConnections` or `inactiveConnections`.
    public internal(set) var counter: ConnectionCounter
    /// The persistence template controlling it, if any.
    public let template: TemplateID?
}

/// The key a persistence template is found by, within one service: protocol (`.ip` for fwmark
/// services), the masked client address, and the virtual port (0 for fwmark, port-0 and FTP
/// services).
public struct TemplateKey: Sendable, Hashable {
    public let packetProtocol: PacketProtocol
    public let client: NetAddress
    public let virtualPort: UInt16
}

/// A handle on a persistence template.
public struct TemplateID: Sendable, Hashable, Comparable {
    public let rawValue: UInt64
    public static func < (lhs: TemplateID, rhs: TemplateID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A persistence template: a connection entry with client port 0 that sends a client to the
/// same destination without consulting the scheduler.
public struct PersistenceTemplate: Sendable, Hashable {
    public let id: TemplateID
    public let key: TemplateKey
    public let destination: DestinationID
    /// Its timeout; overwritten to 60 s when it expires while still controlling connections.
    public internal(set) var timeout: Jiffies
    /// When its timer fires.
    public internal(set) var expires: Jiffies
    /// `n_control`: connections created through it that still exist.
    public internal(set) var controlledConnections: Int
    /// Neutralised because its destination was removed (or quiesced, with
    /// `expireQuiescentTemplate`): never matched again, still counted until it expires.
    public internal(set) var isInvalidated: Bool
}
