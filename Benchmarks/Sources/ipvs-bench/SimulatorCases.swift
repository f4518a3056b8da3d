import IPVSCore
import IPVSSchedulers
import IPVSSimulation

/// The rules of the simulator benchmark: one TCP service on 192.0.2.1:80 with `count` servers.
func simulatorRules(_ scheduler: SchedulerName, destinations count: Int) -> String {
    var text = "-A -t 192.0.2.1:80 -s \(scheduler.rawValue)\n"
    for n in 0..<count {
        text += "-a -t 192.0.2.1:80 -r 198.51.100.\(1 + n % 250):\(8000 + n / 250) -m -w \(1 + n % 4)\n"
    }
    return text
}

/// A steady stream of `count` connections, each opened, closed 256 connections later and expired
/// 1024 connections later (so about 1024 entries are live), as parsed replay events.
func simulatorEvents(connections count: Int) -> [ReplayEvent] {
    let virtual = IPAddress(ipv4: 0xC000_0201)
    var events: [ReplayEvent] = []
    events.reserveCapacity(count * 3)
    for n in 0..<count {
        let client = n % 2 == 0 ? IPAddress(ipv4: 0xCB00_7100 | UInt32(n % 256)) : IPAddress(ipv4: 0xC633_6400 | UInt32(n % 256))
        events.append(.open(
            id: "c\(n)", target: .address(.tcp, virtual, port: 80), client: client,
            clientPort: UInt16(1024 + n % 60000)))
        if n >= 256 { events.append(.close(id: "c\(n - 256)")) }
        if n >= 1024 { events.append(.expire(id: "c\(n - 1024)")) }
    }
    return events
}

/// Connections per second through `Replay` (open + close + expire each, with the line `open`
/// prints), over a pre-parsed event stream; returned as nanoseconds per connection.
func benchmarkReplay(_ scheduler: SchedulerName, destinations: Int, connections: Int, _ plan: MeasurementPlan) -> Summary {
    let rules = simulatorRules(scheduler, destinations: destinations)
    let events = simulatorEvents(connections: connections)
    var loaded = Replay(director: SimulatedDirector(), resolver: NumericOnlyResolver())
    do {
        try loaded.load(rules: rules)
    } catch {
        fatalError("rules: \(error)")
    }
    let start = loaded
    // One operation = one whole stream; reported per connection below.
    var perStream = measure(plan) { operations in
        for _ in 0..<operations {
            var replay = start
            var printed = 0
            for (line, event) in events.enumerated() {
                do {
                    if let output = try replay.play(event, lineNumber: line + 1) { printed &+= output.utf8.count }
                } catch {
                    fatalError("replay: \(error)")
                }
            }
            blackHole(printed)
        }
    }
    perStream.samples = perStream.samples.map { $0 / Double(connections) }
    return perStream
}

/// The same stream straight on `IPVSServiceState.open/close/expire` (no names, no printing).
func benchmarkEngine(_ scheduler: SchedulerName, destinations: Int, connections: Int, _ plan: MeasurementPlan) -> Summary {
    var service = IPVSServiceState(
        configuration: ServiceConfiguration(address: v4(192, 0, 2, 1), port: 80, scheduler: scheduler),
        randomSeed: 42)
    for n in 0..<destinations {
        do {
            try service.addDestination(
                v4(198, 51, 100, UInt32(1 + n % 250)), port: UInt16(8000 + n / 250),
                DestinationSettings(weight: Int32(1 + n % 4)))
        } catch {
            fatalError("fixture: \(error)")
        }
    }
    let virtual = v4(192, 0, 2, 1)
    let start = service
    var perStream = measure(plan) { operations in
        for _ in 0..<operations {
            var state = start
            var served = 0
            for n in 0..<connections {
                let client = n % 2 == 0 ? v4(203, 0, 113, UInt32(n % 256)) : v4(198, 51, 100, UInt32(n % 256))
                do {
                    let outcome = try state.open(
                        ConnectionID(UInt64(n)), .tcp, client: client, clientPort: UInt16(1024 + n % 60000),
                        virtual: virtual, virtualPort: 80)
                    if outcome.destination != nil { served &+= 1 }
                } catch {
                    fatalError("engine: \(error)")
                }
                if n >= 256 { state.close(ConnectionID(UInt64(n - 256))) }
                if n >= 1024 { state.expire(ConnectionID(UInt64(n - 1024))) }
            }
            blackHole(served)
        }
    }
    perStream.samples = perStream.samples.map { $0 / Double(connections) }
    return perStream
}
