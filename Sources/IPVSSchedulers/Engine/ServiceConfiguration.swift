/// Persistence of a service (`-p timeout`, `-M netmask`).
public struct Persistence: Sendable, Hashable {
    /// Template timeout in seconds; ipvsadm 1.31's `-p` without a value gives 360.
    public var timeoutSeconds: UInt32
    /// The mask applied to client addresses (`-M`; IPv6: a prefix mask); nil = one client.
    public var netmask: NetAddress?

    public init(timeoutSeconds: UInt32 = 360, netmask: NetAddress? = nil) {
        self.timeoutSeconds = timeoutSeconds
        self.netmask = netmask
    }
}

/// What defines a virtual service for scheduling.
public struct ServiceConfiguration: Sendable, Hashable {
    /// The service protocol (ignored for fwmark services).
    public var serviceProtocol: PacketProtocol
    /// The virtual address (VIP).
    public var address: NetAddress
    /// The virtual port; 0 for a catch-all (persistent) service.
    public var port: UInt16
    /// The firewall mark of a fwmark service (`-f`); nil for protocol/address/port services.
    public var firewallMark: UInt32?
    public var scheduler: SchedulerName
    /// sh-fallback/sh-port, mh-fallback/mh-port.
    public var schedulerFlags: SchedulerFlags
    /// nil = not persistent.
    public var persistence: Persistence?
    /// One-packet scheduling (`-o`): effective for UDP only.
    public var onePacket: Bool

    public init(
        serviceProtocol: PacketProtocol = .tcp, address: NetAddress, port: UInt16, firewallMark: UInt32? = nil,
        scheduler: SchedulerName = .wlc, schedulerFlags: SchedulerFlags = [], persistence: Persistence? = nil,
        onePacket: Bool = false
    ) {
        self.serviceProtocol = serviceProtocol
        self.address = address
        self.port = port
        self.firewallMark = firewallMark
        self.scheduler = scheduler
        self.schedulerFlags = schedulerFlags
        self.persistence = persistence
        self.onePacket = onePacket
    }
}
