import IPVSSchedulers

/// An IPv4 address from its four octets.
func v4(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32) -> NetAddress {
    NetAddress(ipv4: a << 24 | b << 16 | c << 8 | d)
}

/// A deterministic generator for fixtures (SplitMix64).
struct FixtureRandom {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: UInt64) -> UInt64 { next() % bound }
}

/// A TCP service on 192.0.2.1:80 with `count` real servers of weights 1–4 (198.51.100.1–250,
/// ports 8000 and up), loaded with active 0–63 and inactive 0–255 connections. No thresholds,
/// so no server is overloaded and scanning schedulers look at every one.
func makeService(_ scheduler: SchedulerName, destinations count: Int) -> IPVSServiceState {
    var service = IPVSServiceState(
        configuration: ServiceConfiguration(address: v4(192, 0, 2, 1), port: 80, scheduler: scheduler),
        randomSeed: 42)
    var random = FixtureRandom(state: UInt64(count))
    for n in 0..<count {
        let address = v4(198, 51, 100, UInt32(1 + n % 250))
        let port = UInt16(8000 + n / 250)
        do {
            let id = try service.addDestination(address, port: port, DestinationSettings(weight: Int32(1 + n % 4)))
            service.setCounters(id, active: Int32(random.below(64)), inactive: Int32(random.below(256)))
        } catch {
            fatalError("fixture: \(error)")
        }
    }
    return service
}

/// 4096 requests: clients spread over 203.0.113.0/24 and 198.51.100.0/24 with varying ports, to
/// packet destinations spread over 192.0.2.0/24 (dh hashes, and lblc/lblcr key on, the packet's
/// destination, as for a cache cluster behind a firewall-mark service).
func makeRequests() -> [SchedulingRequest] {
    var random = FixtureRandom(state: 7)
    return (0..<4096).map { _ in
        let client = random.below(2) == 0
            ? v4(203, 0, 113, UInt32(random.below(256))) : v4(198, 51, 100, UInt32(random.below(256)))
        return SchedulingRequest(
            packetProtocol: .tcp, source: client, sourcePort: UInt16(1024 + random.below(60000)),
            destination: v4(192, 0, 2, UInt32(1 + random.below(254))), destinationPort: 80)
    }
}

/// Nanoseconds per decision through `IPVSServiceState.schedule` (the public entry point: the
/// scheduler plus the id lookup of its choice).
func benchmarkSchedule(_ service: IPVSServiceState, _ requests: [SchedulingRequest], _ plan: MeasurementPlan) -> Summary {
    var state = service
    let mask = requests.count - 1
    return measure(plan) { operations in
        var chosen: Int32 = 0
        var next = 0
        for _ in 0..<operations {
            if let id = state.schedule(requests[next]) { chosen &+= id.rawValue }
            next = (next + 1) & mask
        }
        blackHole(chosen)
    }
}

/// Nanoseconds per decision through `Scheduler.select` alone, on a copy of the service's list.
func benchmarkSelect(_ service: IPVSServiceState, _ requests: [SchedulingRequest], _ plan: MeasurementPlan) -> Summary {
    var scheduler = service.scheduler
    let list = service.destinations
    let flags = service.configuration.schedulerFlags
    let now = service.now
    var random = service.random
    let mask = requests.count - 1
    return measure(plan) { operations in
        var chosen = 0
        var next = 0
        for _ in 0..<operations {
            if let index = scheduler.select(requests[next], flags: flags, in: list, now: now, random: &random) {
                chosen &+= index
            }
            next = (next + 1) & mask
        }
        blackHole(chosen)
    }
}
