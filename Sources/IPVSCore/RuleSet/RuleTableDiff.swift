/// The fewest requests that turn one table into another: services and real servers are added,
/// edited in place (`-E`, `-e`) or deleted; the table is never cleared.
///
/// Order, chosen for live directors: services in `-S` order; a new service comes with its servers;
/// a kept service gets its new servers before its removed ones go, so it is never left empty
/// on the way; services that go away are deleted last.
public enum RuleTableDiff {
    public static func requests(from old: RuleTable, to new: RuleTable) -> [IPVSRequest] {
        var requests: [IPVSRequest] = []
        for entry in ListingOrder.sortServices(new.entries) {
            let service = entry.service
            let servers = ListingOrder.sortRealServers(entry.realServers)
            guard let before = old.service(service.key) else {
                requests.append(.addService(service))
                requests += servers.map { .addRealServer(service.key, $0) }
                continue
            }
            if !sameSettings(before, service) { requests.append(.editService(service)) }
            let oldServers = old.realServers(of: service.key)
            var removals: [IPVSRequest] = []
            for server in servers {
                if let previous = oldServers.first(where: { RuleTable.sameDestination($0, server) }) {
                    if !sameSettings(previous, server) { requests.append(.editRealServer(service.key, server)) }
                } else {
                    requests.append(.addRealServer(service.key, server))
                }
            }
            for server in ListingOrder.sortRealServers(oldServers)
            where !servers.contains(where: { RuleTable.sameDestination($0, server) }) {
                removals.append(.deleteRealServer(service.key, address: server.address, port: server.port))
            }
            requests += removals
        }
        for entry in ListingOrder.sortServices(old.entries) where new.service(entry.service.key) == nil {
            requests.append(.deleteService(entry.service.key))
        }
        return requests
    }

    /// The requests that undo `request` on `table`, the table as it was before `request`; empty
    /// for requests that change no service or server.
    public static func inverse(of request: IPVSRequest, on table: RuleTable) -> [IPVSRequest] {
        switch request {
        case .addService(let service):
            return [.deleteService(service.key)]
        case .editService(let service):
            return table.service(service.key).map { [.editService($0)] } ?? []
        case .deleteService(let key):
            guard let service = table.service(key) else { return [] }
            return [.addService(service)] + ListingOrder.sortRealServers(table.realServers(of: key)).map { .addRealServer(key, $0) }
        case .addRealServer(let key, let server):
            return [.deleteRealServer(key, address: server.address, port: server.port)]
        case .editRealServer(let key, let server):
            return table.realServers(of: key).first { RuleTable.sameDestination($0, server) }.map { [.editRealServer(key, $0)] } ?? []
        case .deleteRealServer(let key, let address, let port):
            return table.realServers(of: key).first { $0.address == address && $0.port == port }.map { [.addRealServer(key, $0)] } ?? []
        case .flush, .zero, .setTimeouts, .startDaemon, .stopDaemon:
            return []
        }
    }

    /// What the kernel keeps of a service's settings (counters and the kernel's own flags aside).
    static func sameSettings(_ lhs: VirtualService, _ rhs: VirtualService) -> Bool {
        let kept: ServiceFlags = [.persistent, .onePacket, .schedulerFlag1, .schedulerFlag2, .schedulerFlag3]
        return lhs.scheduler == rhs.scheduler
            && lhs.flags.intersection(kept) == rhs.flags.intersection(kept)
            && lhs.timeout == rhs.timeout
            && lhs.netmask == rhs.netmask
            && (lhs.persistenceEngine ?? "") == (rhs.persistenceEngine ?? "")
    }

    static func sameSettings(_ lhs: RealServer, _ rhs: RealServer) -> Bool {
        func method(_ server: RealServer) -> ForwardingMethod {
            server.forwarding == .local ? .directRoute : server.forwarding
        }
        guard method(lhs) == method(rhs), lhs.weight == rhs.weight,
              lhs.upperThreshold == rhs.upperThreshold, lhs.lowerThreshold == rhs.lowerThreshold
        else { return false }
        guard lhs.forwarding == .tunnel else { return true }
        return lhs.tunnelType == rhs.tunnelType && lhs.tunnelPort == rhs.tunnelPort && lhs.tunnelFlags == rhs.tunnelFlags
    }
}

extension RuleTable {
    /// Applies a request already accepted by the kernel (for following an apply step by step).
    public mutating func record(_ request: IPVSRequest) {
        let command: Command
        switch request {
        case .addService(let service): command = .addService(service)
        case .editService(let service): command = .editService(service)
        case .deleteService(let key): command = .deleteService(key)
        case .addRealServer(let key, let server): command = .addServer(key, server)
        case .editRealServer(let key, let server): command = .editServer(key, server)
        case .deleteRealServer(let key, let address, let port):
            command = .deleteServer(key, RealServer(address: address, port: port))
        case .flush: command = .clear
        case .zero, .setTimeouts, .startDaemon, .stopDaemon: return
        }
        try? apply(command)
    }
}
