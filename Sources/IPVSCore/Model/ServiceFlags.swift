/// Flags of a virtual service, with the kernel's bit values (IP_VS_SVC_F_*).
public struct ServiceFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Persistent service (`-p`).
    public static let persistent = ServiceFlags(rawValue: 0x0001)
    /// Set by the kernel on every hashed service; never sent by a client.
    public static let hashed = ServiceFlags(rawValue: 0x0002)
    /// One-packet scheduling (`-o`).
    public static let onePacket = ServiceFlags(rawValue: 0x0004)
    /// Scheduler flag 1: sh-fallback / mh-fallback.
    public static let schedulerFlag1 = ServiceFlags(rawValue: 0x0008)
    /// Scheduler flag 2: sh-port / mh-port.
    public static let schedulerFlag2 = ServiceFlags(rawValue: 0x0010)
    /// Scheduler flag 3: unused by the kernel's schedulers.
    public static let schedulerFlag3 = ServiceFlags(rawValue: 0x0020)
}
