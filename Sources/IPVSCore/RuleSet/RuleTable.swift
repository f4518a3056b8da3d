/// The IPVS table as the kernel keeps it, changed by ipvsadm's commands with the kernel's own
/// refusals: what `ipvsadm -R` would leave behind, computed without a kernel.
///
/// Services keep the order they were added in; real servers the kernel's order (newest first).
/// Listings sort both, so the order only matters to `entries`' readers that do not sort.
public struct RuleTable: Sendable, Hashable {
    public private(set) var services: [VirtualService] = []
    private var serversByService: [ServiceKey: [RealServer]] = [:]
    /// Sync daemons running (`--start-daemon`); the kernel refuses mixed-family servers while one runs.
    public private(set) var daemons: Set<SyncDaemonState> = []

    public init() {}

    /// A table read from the kernel (or built by hand).
    public init(entries: [ServiceListingEntry]) {
        for entry in entries {
            services.append(entry.service)
            serversByService[entry.service.key] = entry.realServers
        }
    }

    /// Every service with its servers, for the formatters.
    public var entries: [ServiceListingEntry] {
        services.map { ServiceListingEntry(service: $0, realServers: serversByService[$0.key] ?? []) }
    }

    public func service(_ key: ServiceKey) -> VirtualService? {
        services.first { $0.key == key }
    }

    public func realServers(of key: ServiceKey) -> [RealServer] {
        serversByService[key] ?? []
    }

    /// Carries out one command as the kernel would, or throws the kernel's refusal and changes nothing.
    /// `interfaceExists` answers for `--start-daemon`'s multicast interface.
    public mutating func apply(_ command: Command, interfaceExists: (String) -> Bool = { _ in true }) throws(KernelError) {
        switch command {
        case .addService(let service):
            guard self.service(service.key) == nil else { throw KernelError(operation: .addService, errno: KernelErrno.exists) }
            try KernelNames.check(service, operation: .addService)
            services.append(service)
            serversByService[service.key] = []
        case .editService(let service):
            guard let index = services.firstIndex(where: { $0.key == service.key }) else {
                throw KernelError(operation: .editService, errno: KernelErrno.noSuchProcess)
            }
            try KernelNames.check(service, operation: .editService)
            services[index] = service
        case .deleteService(let key):
            guard let index = services.firstIndex(where: { $0.key == key }) else {
                throw KernelError(operation: .deleteService, errno: KernelErrno.noSuchProcess)
            }
            services.remove(at: index)
            serversByService[key] = nil
        case .clear:
            services = []
            serversByService = [:]
        case .addServer(let key, let server):
            var servers = try serversForChange(key, server, operation: .addRealServer)
            guard !servers.contains(where: { Self.sameDestination($0, server) }) else {
                throw KernelError(operation: .addRealServer, errno: KernelErrno.exists)
            }
            guard KernelAddressRules.acceptsRealServer(server.address) else {
                throw KernelError(operation: .addRealServer, errno: KernelErrno.invalid)
            }
            servers.insert(server, at: 0)
            serversByService[key] = servers
        case .editServer(let key, let server):
            var servers = try serversForChange(key, server, operation: .editRealServer)
            guard let index = servers.firstIndex(where: { Self.sameDestination($0, server) }) else {
                throw KernelError(operation: .editRealServer, errno: KernelErrno.noEntry)
            }
            servers[index] = server
            serversByService[key] = servers
        case .deleteServer(let key, let server):
            guard var servers = serversByService[key] else {
                throw KernelError(operation: .deleteRealServer, errno: KernelErrno.noSuchProcess)
            }
            guard let index = servers.firstIndex(where: { Self.sameDestination($0, server) }) else {
                throw KernelError(operation: .deleteRealServer, errno: KernelErrno.noEntry)
            }
            servers.remove(at: index)
            serversByService[key] = servers
        case .zero(let key):
            if let key, service(key) == nil { throw KernelError(operation: .zero, errno: KernelErrno.noSuchProcess) }
        case .list(let request):
            if request.content == .services, let key = request.service, service(key) == nil {
                throw KernelError(operation: .getService, errno: KernelErrno.noSuchProcess)
            }
        case .startDaemon(let daemon):
            guard interfaceExists(daemon.multicastInterface) else {
                throw KernelError(operation: .startDaemon, errno: KernelErrno.noDevice)
            }
            guard !daemons.contains(daemon.state) else { throw KernelError(operation: .startDaemon, errno: KernelErrno.exists) }
            daemons.insert(daemon.state)
        case .stopDaemon(let state):
            guard daemons.remove(state) != nil else { throw KernelError(operation: .stopDaemon, errno: KernelErrno.noSuchProcess) }
        case .setTimeouts, .save, .restore, .help, .version:
            break
        }
    }

    /// The checks the kernel makes, in its order, before adding or editing a real server.
    private func serversForChange(_ key: ServiceKey, _ server: RealServer, operation: IPVSOperation) throws(KernelError) -> [RealServer] {
        guard let servers = serversByService[key] else { throw KernelError(operation: operation, errno: KernelErrno.noSuchProcess) }
        // Another family is only forwarded by tunnels, and the sync protocol cannot carry it.
        if server.family != key.family && (!daemons.isEmpty || server.forwarding != .tunnel) {
            throw KernelError(operation: operation, errno: KernelErrno.invalid)
        }
        if server.weight < 0 || server.lowerThreshold > server.upperThreshold {
            throw KernelError(operation: operation, errno: KernelErrno.outOfRange)
        }
        if server.forwarding == .tunnel && server.tunnelType == .gue && server.tunnelPort == 0 {
            throw KernelError(operation: operation, errno: KernelErrno.invalid)
        }
        return servers
    }

    /// The kernel finds a real server by family, address and port.
    static func sameDestination(_ lhs: RealServer, _ rhs: RealServer) -> Bool {
        lhs.address == rhs.address && lhs.port == rhs.port
    }
}
