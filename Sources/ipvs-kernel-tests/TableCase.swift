import IPVSNetlink
import IPVSCore

/// A table built twice, once by the oracle's command lines and once through our library, which
/// must then look the same to both.
struct TableCase {
    var name: String
    /// The oracle's commands, as `-R` lines, in order.
    var oracleLines: [String] = []
    /// The same table as library requests, in the same order.
    var requests: [IPVSRequest] = []

    /// A service, described both ways.
    mutating func add(_ line: String, _ service: VirtualService) {
        oracleLines.append(line)
        requests.append(.addService(service))
    }

    /// A real server, described both ways.
    mutating func add(_ line: String, _ server: RealServer, to key: ServiceKey) {
        oracleLines.append(line)
        requests.append(.addRealServer(key, server))
    }

    /// Any other step, described both ways.
    mutating func step(_ line: String, _ request: IPVSRequest) {
        oracleLines.append(line)
        requests.append(request)
    }

    /// The services and real servers the table should hold once every step is applied.
    var expected: (services: [ServiceKey: VirtualService], realServers: [ServiceKey: [RealServer]]) {
        var services: [ServiceKey: VirtualService] = [:]
        var servers: [ServiceKey: [RealServer]] = [:]
        func matches(_ server: RealServer, _ address: IPAddress, _ port: UInt16) -> Bool {
            server.address == address && server.port == port
        }
        for request in requests {
            switch request {
            case .addService(let service), .editService(let service): services[service.key] = service
            case .deleteService(let key):
                services[key] = nil
                servers[key] = nil
            case .addRealServer(let key, let server): servers[key, default: []].append(server)
            case .editRealServer(let key, let server):
                servers[key] = servers[key, default: []].map { matches($0, server.address, server.port) ? server : $0 }
            case .deleteRealServer(let key, let address, let port):
                servers[key]?.removeAll { matches($0, address, port) }
            case .flush:
                services = [:]
                servers = [:]
            default: break
            }
        }
        return (services, servers)
    }

    var services: Set<VirtualService> { Set(expected.services.values) }
    var realServers: [ServiceKey: Set<RealServer>] { expected.realServers.mapValues { Set($0) } }
}

/// The round trip every table case goes through:
/// 1. the oracle builds the table; its listings are recorded;
/// 2. our library reads it back and must find exactly the described services and real servers;
/// 3. the table is flushed and our library builds it (one request at a time, or as one batch);
/// 4. the oracle's listings must be byte-for-byte those of step 1, and our reading the same again.
func roundTrip(_ table: TableCase, client: NetlinkClient, batch: Bool) throws {
    try Oracle.restore(table.oracleLines)
    let recorded = try Oracle.views()
    try checkLibraryReading(table, client: client, when: "after the oracle built it")

    try Oracle.must(["-C"])
    if batch {
        let results = try client.performBatch(table.requests)
        for (index, result) in results.enumerated() {
            if case .failure(let error) = result {
                throw CaseFailure(description: "batch request \(index) refused: errno \(error.errno)")
            }
        }
    } else {
        for request in table.requests { try client.perform(request) }
    }
    try expectSameText(try Oracle.views(), recorded, "oracle listings")
    try checkLibraryReading(table, client: client, when: "after the library built it")
}

/// Reads the whole table through the library and compares it with the case's description.
func checkLibraryReading(_ table: TableCase, client: NetlinkClient, when: String) throws {
    let services = try client.services().map(\.withoutCounters)
    try expectEqual(services.count, table.services.count, "number of services \(when)")
    try expectEqual(Set(services), table.services, "services \(when)")
    for service in services {
        let single = try client.service(service.key).withoutCounters
        try expectEqual(single, service, "GET_SERVICE of \(service.key) \(when)")
        let servers = try client.realServers(of: service.key).map(\.withoutCounters)
        try expectEqual(Set(servers), table.realServers[service.key] ?? [], "real servers of \(service.key) \(when)")
    }
}
