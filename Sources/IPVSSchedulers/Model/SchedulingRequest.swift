/// The IP protocol of a packet, with the kernel's protocol numbers.
public enum PacketProtocol: UInt8, Sendable, Hashable, CaseIterable {
    /// `IPPROTO_IP`: used only as the protocol of fwmark persistence templates.
    case ip = 0
    case tcp = 6
    case udp = 17
    case sctp = 132

    /// TCP, UDP and SCTP have ports that sh-port and mh-port can hash.
    @inlinable
    public var hasPorts: Bool { self != .ip }
}

/// What a scheduler sees of the first packet of a new connection.
public struct SchedulingRequest: Sendable, Hashable {
    public var packetProtocol: PacketProtocol
    /// The client: hashed by sh and mh.
    public var source: NetAddress
    public var sourcePort: UInt16
    /// The packet's destination (the VIP for ordinary services): hashed by dh, keys lblc/lblcr.
    public var destination: NetAddress
    public var destinationPort: UInt16

    public init(
        packetProtocol: PacketProtocol, source: NetAddress, sourcePort: UInt16,
        destination: NetAddress, destinationPort: UInt16
    ) {
        self.packetProtocol = packetProtocol
        self.source = source
        self.sourcePort = sourcePort
        self.destination = destination
        self.destinationPort = destinationPort
    }
}

/// The scheduler flags of a service (`-b`), with the kernel's bit values (`IP_VS_SVC_F_SCHED*`).
public struct SchedulerFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// `IP_VS_SVC_F_SCHED1` (0x0008): sh-fallback / mh-fallback.
    public static let fallback = SchedulerFlags(rawValue: 0x0008)
    /// `IP_VS_SVC_F_SCHED2` (0x0010): sh-port / mh-port.
    public static let port = SchedulerFlags(rawValue: 0x0010)
    /// `IP_VS_SVC_F_SCHED3` (0x0020): unused by the kernel's schedulers.
    public static let flag3 = SchedulerFlags(rawValue: 0x0020)
}

/// The kernel's scheduler names (`ipvsadm -s`).
public enum SchedulerName: String, Sendable, Hashable, CaseIterable {
    case rr, wrr, lc, wlc, sed, nq, sh, dh, lblc, lblcr, fo, ovf, mh, twos
}
