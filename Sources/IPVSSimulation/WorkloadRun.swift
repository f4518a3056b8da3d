import IPVSCore
import IPVSSchedulers

/// Runs a synthetic workload through a simulated director: Poisson arrivals from a population
/// of clients, connections that end after a drawn duration and linger inactive before expiring.
public struct WorkloadRun: Sendable {
    public private(set) var director: SimulatedDirector
    public let workload: Workload
    private let service: ServiceKey
    private var random: SchedulerRandom
    private let clientCumulativeWeights: [Double]

    public init(director: SimulatedDirector, workload: Workload) throws(SimulationError) {
        guard workload.seconds > 0, workload.seconds <= 1e7, workload.arrivalsPerSecond > 0,
              workload.arrivalsPerSecond * workload.seconds <= 1e8
        else { throw SimulationError("the run must last a positive time with a positive arrival rate, at most 10^8 connections") }
        guard workload.clients > 0, workload.clients <= Self.maximumClients(workload.target) else {
            throw SimulationError("clients must be between 1 and \(Self.maximumClients(workload.target))")
        }
        guard let service = director.serviceKey(for: workload.target) else {
            throw SimulationError("no service in the rules matches the workload's target")
        }
        self.director = director
        self.workload = workload
        self.service = service
        self.random = SchedulerRandom(seed: workload.seed)
        var total = 0.0
        clientCumulativeWeights = (1...workload.clients).map { rank in
            switch workload.popularity {
            case .uniform: total += 1
            case .zipf(let exponent): total += 1 / Self.power(Double(rank), exponent)
            }
            return total
        }
    }

    /// Client addresses come from the documentation ranges: three IPv4 /24s, or 2001:db8::/32.
    static func maximumClients(_ target: ConnectionTarget) -> Int {
        family(target) == .inet ? 3 * 254 : 1 << 24
    }

    /// Plays the whole run; `progress` is called with the fraction done, now and then.
    public mutating func run(progress: (Double) -> Void = { _ in }) throws(SimulationError) -> WorkloadReport {
        let hz = Double(director.settings.hz)
        let end = Jiffies(workload.seconds * hz)
        var pending = EventQueue()
        var nextArrival: Jiffies = 0
        var arrivalClock = 0.0  // seconds, kept fractional so that short gaps do not round away
        var nextConnection: UInt64 = 0
        var now: Jiffies = 0
        var perServer: [DestinationKey: ServerTally] = [:]
        var unserved = 0
        var connections = 0
        let sampleEvery = max(1, end / Jiffies(max(1, workload.samples)))
        var nextSample: Jiffies = 0
        var sampleTimes: [Double] = []
        var lastProgress: Jiffies = 0
        let (packetProtocol, virtual, virtualPort) = Self.packet(workload.target)

        while true {
            let arrivalDue = nextArrival < end ? nextArrival : Jiffies.max
            let eventDue = pending.first?.time ?? Jiffies.max
            let sampleDue = nextSample <= end ? nextSample : Jiffies.max
            let due = min(arrivalDue, eventDue, sampleDue)
            if due == Jiffies.max { break }
            if due > now {
                try advance(to: due, from: now)
                now = due
            }
            if sampleDue == due {
                sampleTimes.append(Double(now) / hz)
                let active = activeByServer()
                for key in perServer.keys { perServer[key]?.activeOverTime.append(active[key] ?? 0) }
                for (key, count) in active where perServer[key] == nil {
                    perServer[key] = ServerTally(activeOverTime: Array(repeating: 0, count: sampleTimes.count - 1) + [count])
                }
                nextSample += sampleEvery
                continue
            }
            if eventDue == due, let event = pending.popFirst() {
                let linger = seconds(workload.lingerSeconds, hz)
                try director.withService(service) { state throws(SimulationError) in
                    switch event.kind {
                    case .close: _ = state.close(event.connection)
                    case .expire: _ = state.expire(event.connection)
                    }
                }
                if event.kind == .close {
                    pending.insert(QueuedEvent(time: now + linger, kind: .expire, connection: event.connection))
                }
                continue
            }
            // An arrival.
            arrivalClock += exponential(mean: 1 / workload.arrivalsPerSecond)
            nextArrival = max(now, seconds(arrivalClock, hz))
            nextConnection += 1
            connections += 1
            let id = ConnectionID(nextConnection)
            let client = Self.clientAddress(pickClient(), family: Self.family(workload.target))
            let clientPort = UInt16(truncatingIfNeeded: 1024 &+ random.next(below: 64_000))
            let serial = nextConnection
            let outcome = try director.withService(service) { state throws(SimulationError) in
                do throws(ServiceStateError) {
                    return try state.open(id, packetProtocol, client: NetAddress(client), clientPort: clientPort,
                                          virtual: NetAddress(virtual), virtualPort: virtualPort)
                } catch {
                    throw SimulationError("connection \(serial) could not be opened")
                }
            }
            guard let chosen = outcome.destination,
                  let destination = director.services[service]?.destinations.destination(chosen)
            else {
                unserved += 1
                continue
            }
            let key = DestinationKey(address: destination.address, port: destination.port)
            var tally = perServer[key] ?? ServerTally(activeOverTime: Array(repeating: 0, count: sampleTimes.count))
            tally.connections += 1
            let active = Int(destination.activeConnections)
            tally.peakActive = max(tally.peakActive, active)
            if let capacity = workload.capacity, active > capacity { tally.overCapacity += 1 }
            perServer[key] = tally
            pending.insert(QueuedEvent(time: now + max(1, seconds(drawDuration(), hz)), kind: .close, connection: id))
            if now - lastProgress > end / 100 {
                lastProgress = now
                progress(Double(now) / Double(max(1, end)))
            }
        }
        progress(1)
        return report(perServer, connections: connections, unserved: unserved, sampleTimes: sampleTimes)
    }

    // MARK: Helpers

    private struct DestinationKey: Hashable {
        var address: NetAddress
        var port: UInt16
    }

    private struct ServerTally {
        var connections = 0
        var peakActive = 0
        var overCapacity = 0
        var activeOverTime: [Int]
    }

    private mutating func advance(to time: Jiffies, from now: Jiffies) throws(SimulationError) {
        try director.withService(service) { state throws(SimulationError) in
            state.advance(jiffies: time - now)
        }
    }

    private func activeByServer() -> [DestinationKey: Int] {
        var active: [DestinationKey: Int] = [:]
        guard let state = director.services[service] else { return active }
        for destination in state.destinations.destinations {
            active[DestinationKey(address: destination.address, port: destination.port)] = Int(destination.activeConnections)
        }
        return active
    }

    private func report(_ tallies: [DestinationKey: ServerTally], connections: Int, unserved: Int, sampleTimes: [Double]) -> WorkloadReport {
        let weights: [DestinationKey: Int32] = Dictionary(
            (director.services[service]?.destinations.destinations ?? []).map {
                (DestinationKey(address: $0.address, port: $0.port), $0.weight)
            }, uniquingKeysWith: { first, _ in first })
        let servers = tallies.keys.sorted { ($0.address.high, $0.address.low, $0.port) < ($1.address.high, $1.address.low, $1.port) }
            .compactMap { key -> WorkloadReport.Server? in
                guard let tally = tallies[key] else { return nil }
                return WorkloadReport.Server(
                    name: Replay.text(IPAddress(key.address), port: key.port), weight: weights[key] ?? 0,
                    connections: tally.connections, peakActive: tally.peakActive, overCapacity: tally.overCapacity,
                    activeOverTime: tally.activeOverTime)
            }
        return WorkloadReport(servers: servers, connections: connections, unserved: unserved, sampleTimes: sampleTimes)
    }

    private func seconds(_ value: Double, _ hz: Double) -> Jiffies {
        let jiffies = (value * hz).rounded()
        return jiffies.isFinite && jiffies < 1e15 ? Jiffies(max(0, jiffies)) : Jiffies(1e15)
    }

    /// A uniform value in [0, 1).
    private mutating func unit() -> Double {
        Double(random.next() >> 11) * 0x1p-53
    }

    private mutating func exponential(mean: Double) -> Double {
        -mean * Self.logarithm(1 - unit())
    }

    private mutating func drawDuration() -> Double {
        switch workload.duration {
        case .fixed(let value): return value
        case .exponential(let mean): return exponential(mean: mean)
        case .uniform(let low, let high): return low + (high - low) * unit()
        }
    }

    private mutating func pickClient() -> Int {
        let total = clientCumulativeWeights.last ?? 1
        let draw = unit() * total
        var low = 0, high = clientCumulativeWeights.count - 1
        while low < high {
            let middle = (low + high) / 2
            if clientCumulativeWeights[middle] > draw { high = middle } else { low = middle + 1 }
        }
        return low
    }

    static func clientAddress(_ index: Int, family: AddressFamily) -> IPAddress {
        switch family {
        case .inet:
            let networks: [UInt32] = [0xCB00_7100, 0xC633_6400, 0xC000_0200]  // 203.0.113/24, 198.51.100/24, 192.0.2/24
            return IPAddress(ipv4: networks[(index / 254) % 3] | UInt32(index % 254 + 1))
        case .inet6:
            return IPAddress(family: .inet6, high: 0x2001_0db8_0000_0000, low: UInt64(index + 1))
        }
    }

    static func family(_ target: ConnectionTarget) -> AddressFamily {
        switch target {
        case .address(_, let address, _), .firewallMark(_, let address, _): return address.family
        }
    }

    private static func packet(_ target: ConnectionTarget) -> (PacketProtocol, IPAddress, UInt16) {
        switch target {
        case .address(let transport, let address, let port): return (PacketProtocol(transport), address, port)
        case .firewallMark(_, let address, let port): return (.tcp, address, port)
        }
    }

    // Foundation-free natural logarithm and power, precise enough for drawing random durations.
    static func logarithm(_ x: Double) -> Double {
        guard x > 0 else { return -745 }
        let exponent = x.exponent
        let mantissa = x.significand  // in [1, 2)
        let y = (mantissa - 1) / (mantissa + 1)
        let y2 = y * y
        var term = y, sum = 0.0
        for k in stride(from: 1, through: 39, by: 2) {
            sum += term / Double(k)
            term *= y2
        }
        return 2 * sum + Double(exponent) * 0.693_147_180_559_945_3
    }

    static func power(_ base: Double, _ exponent: Double) -> Double {
        guard base > 0 else { return 0 }
        let z = exponent * logarithm(base)
        // exp(z) by range reduction: z = n ln2 + r.
        let n = (z / 0.693_147_180_559_945_3).rounded()
        let r = z - n * 0.693_147_180_559_945_3
        var term = 1.0, sum = 1.0
        for k in 1...20 {
            term *= r / Double(k)
            sum += term
        }
        return n > 1000 ? .infinity : n < -1000 ? 0 : sum * Double(sign: .plus, exponent: Int(n), significand: 1)
    }
}

/// Connection closes and expiries to come, earliest first (a binary heap).
struct EventQueue {
    private var heap: [QueuedEvent] = []
    private var counter: UInt64 = 0

    var first: QueuedEvent? { heap.first }

    mutating func insert(_ event: QueuedEvent) {
        var event = event
        counter += 1
        event.order = counter
        heap.append(event)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child] < heap[parent] else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    mutating func popFirst() -> QueuedEvent? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let first = heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < heap.count, heap[left] < heap[smallest] { smallest = left }
            if right < heap.count, heap[right] < heap[smallest] { smallest = right }
            if smallest == parent { break }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
        return first
    }
}

struct QueuedEvent: Comparable {
    enum Kind { case close, expire }
    var time: Jiffies
    var kind: Kind
    var connection: ConnectionID
    /// Insertion order, so that events due at the same time run first-in first-out.
    var order: UInt64 = 0

    static func < (lhs: QueuedEvent, rhs: QueuedEvent) -> Bool {
        (lhs.time, lhs.order) < (rhs.time, rhs.order)
    }

    static func == (lhs: QueuedEvent, rhs: QueuedEvent) -> Bool {
        lhs.time == rhs.time && lhs.order == rhs.order
    }
}
