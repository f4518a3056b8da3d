import IPVSCore
import IPVSSchedulers

// The scheduler library keeps its own address and service types so that it stands alone; the
// layouts match, so these conversions are field copies.

extension NetAddress {
    init(_ address: IPAddress) {
        self.init(family: address.family == .inet ? .ipv4 : .ipv6, high: address.high, low: address.low)
    }
}

extension IPAddress {
    init(_ address: NetAddress) {
        self.init(family: address.family == .ipv4 ? .inet : .inet6, high: address.high, low: address.low)
    }
}

extension PacketProtocol {
    init(_ transport: TransportProtocol) {
        switch transport {
        case .tcp: self = .tcp
        case .udp: self = .udp
        case .sctp: self = .sctp
        }
    }
}

extension ServiceConfiguration {
    /// The scheduling side of a virtual service as the grammar describes it; nil for a scheduler
    /// name the kernel does not have.
    init?(_ service: VirtualService) {
        guard let scheduler = SchedulerName(rawValue: service.scheduler) else { return nil }
        var flags: SchedulerFlags = []
        if service.flags.contains(.schedulerFlag1) { flags.insert(.fallback) }
        if service.flags.contains(.schedulerFlag2) { flags.insert(.port) }
        if service.flags.contains(.schedulerFlag3) { flags.insert(.flag3) }
        var persistence: Persistence?
        if service.flags.contains(.persistent) {
            let netmask: NetAddress
            switch service.family {
            case .inet: netmask = NetAddress(ipv4: service.netmask)
            case .inet6: netmask = NetAddress.mask(prefixLength: Int(service.netmask), family: .ipv6)
            }
            persistence = Persistence(timeoutSeconds: service.timeout, netmask: netmask)
        }
        switch service.key {
        case .address(let transport, let address, let port):
            self.init(
                serviceProtocol: PacketProtocol(transport), address: NetAddress(address), port: port,
                scheduler: scheduler, schedulerFlags: flags, persistence: persistence,
                onePacket: service.flags.contains(.onePacket))
        case .firewallMark(let mark, let family):
            self.init(
                serviceProtocol: .tcp, address: NetAddress(IPAddress.zero(family)), port: 0, firewallMark: mark,
                scheduler: scheduler, schedulerFlags: flags, persistence: persistence,
                onePacket: service.flags.contains(.onePacket))
        }
    }
}

extension DestinationSettings {
    init(_ server: RealServer) {
        self.init(weight: server.weight, upperThreshold: server.upperThreshold, lowerThreshold: server.lowerThreshold)
    }
}
