import Testing
@testable import IPVSSchedulers

/// An IPv4 address from its four octets.
func v4(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32) -> NetAddress {
    NetAddress(ipv4: a << 24 | b << 16 | c << 8 | d)
}

let vip = v4(192, 0, 2, 1)

/// The address of the n-th real server of a fixture: 10.0.0.(n + 1).
func server(_ n: Int) -> NetAddress { v4(10, 0, 0, UInt32(n + 1)) }

/// A TCP service on 192.0.2.1:80 whose list, read from the head (newest) down, has these
/// weights. Destinations are added oldest first, so `ids[0]` is the list head.
func makeService(
    _ scheduler: SchedulerName, listWeights weights: [Int32], flags: SchedulerFlags = [],
    persistence: Persistence? = nil, settings: IPVSSettings = IPVSSettings(), seed: UInt64 = 1
) throws -> (IPVSServiceState, [DestinationID]) {
    var service = IPVSServiceState(
        configuration: ServiceConfiguration(
            address: vip, port: 80, scheduler: scheduler, schedulerFlags: flags, persistence: persistence),
        settings: settings, randomSeed: seed)
    var ids: [DestinationID] = []
    for position in weights.indices.reversed() {
        let id = try service.addDestination(server(position), port: 80, DestinationSettings(weight: weights[position]))
        ids.insert(id, at: 0)
    }
    return (service, ids)
}

/// A scheduling request from a client to the fixture VIP.
func request(from client: NetAddress = v4(198, 51, 100, 7), port: UInt16 = 40000, to destination: NetAddress = vip) -> SchedulingRequest {
    SchedulingRequest(packetProtocol: .tcp, source: client, sourcePort: port, destination: destination, destinationPort: 80)
}

extension IPVSServiceState {
    /// `count` scheduler decisions for the default request.
    mutating func picks(_ count: Int, _ request: SchedulingRequest = request()) -> [DestinationID?] {
        (0..<count).map { _ in schedule(request) }
    }

    /// Sets active/inactive counters of the destinations, in list order.
    mutating func load(_ ids: [DestinationID], active: [Int32], inactive: [Int32]? = nil) {
        for (position, id) in ids.enumerated() {
            setCounters(id, active: active[position], inactive: inactive?[position] ?? 0)
        }
    }

    func destination(_ id: DestinationID) -> Destination? { destinations.destination(id) }
}
