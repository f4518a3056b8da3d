import IPVSCore
import IPVSSchedulers

/// A director's whole IPVS table as the simulator keeps it: every virtual service with its own
/// scheduler state, changed by the same `Command`s that `ipvsadm` parses.
public struct SimulatedDirector: Sendable {
    /// Services in the order they were added (the kernel's hash order does not matter here).
    public private(set) var services: [ServiceKey: IPVSServiceState] = [:]
    public private(set) var serviceOrder: [ServiceKey] = []
    public let settings: IPVSSettings
    private var seed: UInt64

    public init(settings: IPVSSettings = IPVSSettings(), randomSeed: UInt64 = 0) {
        self.settings = settings
        self.seed = randomSeed
    }

    /// Applies one table change. Listing, saving and the other read-only commands change nothing.
    public mutating func apply(_ command: Command) throws(SimulationError) {
        switch command {
        case .addService(let service):
            guard services[service.key] == nil else { throw SimulationError("Service already exists") }
            let configuration = try Self.configuration(service)
            seed &+= 1
            services[service.key] = IPVSServiceState(configuration: configuration, settings: settings, randomSeed: seed)
            serviceOrder.append(service.key)
        case .editService(let service):
            guard var state = services[service.key] else { throw SimulationError("No such service") }
            state.editService(try Self.configuration(service))
            services[service.key] = state
        case .deleteService(let key):
            guard services.removeValue(forKey: key) != nil else { throw SimulationError("No such service") }
            serviceOrder.removeAll { $0 == key }
        case .clear:
            services.removeAll()
            serviceOrder.removeAll()
        case .addServer(let key, let server):
            try update(key) { state throws(ServiceStateError) in
                _ = try state.addDestination(NetAddress(server.address), port: server.port, DestinationSettings(server))
            }
        case .editServer(let key, let server):
            try update(key) { state throws(ServiceStateError) in
                try state.editDestination(NetAddress(server.address), port: server.port, DestinationSettings(server))
            }
        case .deleteServer(let key, let server):
            try update(key) { state throws(ServiceStateError) in
                try state.removeDestination(NetAddress(server.address), port: server.port)
            }
        case .restore, .save, .list, .zero, .setTimeouts, .startDaemon, .stopDaemon, .help, .version:
            break
        }
    }

    /// Lets time pass for every service (persistence templates and lblc/lblcr entries age).
    public mutating func advance(seconds: Int64) {
        for key in serviceOrder {
            services[key]?.advance(seconds: seconds)
        }
    }

    /// The service a new connection reaches, as the kernel looks it up: by firewall mark when the
    /// packet carries one, else by protocol, address and port, else a persistent port-0 service.
    public func serviceKey(for target: ConnectionTarget) -> ServiceKey? {
        switch target {
        case .firewallMark(let mark, let address, _):
            let key = ServiceKey.firewallMark(mark, family: address.family)
            return services[key] == nil ? nil : key
        case .address(let transport, let address, let port):
            let exact = ServiceKey.address(transport, address, port: port)
            if services[exact] != nil { return exact }
            let catchAll = ServiceKey.address(transport, address, port: 0)
            if let state = services[catchAll], state.configuration.persistence != nil { return catchAll }
            return nil
        }
    }

    /// Runs `body` on a service's state in place. (Copying the state out and back would copy its
    /// connection table on every event: IPVSServiceState's operations refuse before changing
    /// anything, so nothing is lost by not writing back on a throw.)
    mutating func withService<Result>(
        _ key: ServiceKey, _ body: (inout IPVSServiceState) throws(SimulationError) -> Result
    ) throws(SimulationError) -> Result {
        guard let index = services.index(forKey: key) else { throw SimulationError("No such service") }
        return try body(&services.values[index])
    }

    private mutating func update(
        _ key: ServiceKey, _ change: (inout IPVSServiceState) throws(ServiceStateError) -> Void
    ) throws(SimulationError) {
        try withService(key) { state throws(SimulationError) in
            do throws(ServiceStateError) {
                try change(&state)
            } catch {
                throw SimulationError(Self.message(for: error))
            }
        }
    }

    private static func configuration(_ service: VirtualService) throws(SimulationError) -> ServiceConfiguration {
        guard let configuration = ServiceConfiguration(service) else {
            throw SimulationError("Scheduler not found: ip_vs_\(service.scheduler)")
        }
        return configuration
    }

    private static func message(for error: ServiceStateError) -> String {
        switch error {
        case .destination(let reason): return "destination refused: \(reason)"
        case .connectionExists(let id): return "connection \(id.rawValue) is already open"
        }
    }
}

/// Where a new connection is headed, as the kernel's service lookup sees it.
public enum ConnectionTarget: Sendable, Hashable {
    case address(TransportProtocol, IPAddress, port: UInt16)
    /// A packet carrying a firewall mark, to this destination address and port.
    case firewallMark(UInt32, IPAddress, port: UInt16)
}
