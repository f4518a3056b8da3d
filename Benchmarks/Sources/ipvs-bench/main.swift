import IPVSSchedulers

// ipvs-bench: nanoseconds per scheduling decision for each scheduler and list size, and the
// simulator's throughput. Timed in a release build; never asserted on.
//
//   ipvs-bench [schedulers] [--filter NAME,...] [--sizes 10,100,1000] [--samples N]
//              [--sample-ms MS] [--operations N]
//   ipvs-bench simulator [--filter NAME,...] [--sizes 10,100] [--connections N] [--samples N]
//              [--sample-ms MS]
//
// --operations N runs each case exactly N operations once, untimed: for
// `valgrind --tool=callgrind`, whose instruction counts do not depend on the machine's load
// (Benchmarks/callgrind.sh takes the difference of two such runs; only `schedule` is run).

var arguments = Array(CommandLine.arguments.dropFirst())
var mode = "schedulers"
if let first = arguments.first, !first.hasPrefix("-") {
    mode = first
    arguments.removeFirst()
}
var plan = MeasurementPlan()
var filter: Set<String>?
var sizes: [Int]?
var connections = 16_384
var index = 0
@MainActor func value(_ name: String) -> String {
    index += 1
    guard index < arguments.count else { fatalError("\(name) needs a value") }
    return arguments[index]
}
while index < arguments.count {
    switch arguments[index] {
    case "--filter": filter = Set(value("--filter").split(separator: ",").map(String.init))
    case "--sizes": sizes = value("--sizes").split(separator: ",").compactMap { Int($0) }
    case "--samples": plan.samples = Int(value("--samples")) ?? plan.samples
    case "--sample-ms": plan.sampleNanoseconds = UInt64(value("--sample-ms")).map { $0 * 1_000_000 } ?? plan.sampleNanoseconds
    case "--connections": connections = Int(value("--connections")) ?? connections
    case "--operations": plan.fixedOperations = Int(value("--operations"))
    default: fatalError("unknown argument \(arguments[index])")
    }
    index += 1
}

let schedulers = SchedulerName.allCases.filter { filter?.contains($0.rawValue) ?? true }

func format(_ value: Double) -> String {
    guard value.isFinite else { return "-" }
    let rounded = (value * 10).rounded() / 10
    return rounded >= 100 ? String(Int(rounded)) : String(rounded)
}

func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
}

switch mode {
case "schedulers":
    let requests = makeRequests()
    print("| scheduler | dests | schedule ns min | schedule ns median | select ns min | select ns median | ns/dest (median) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for scheduler in schedulers {
        for count in sizes ?? [10, 100, 1000] {
            let service = makeService(scheduler, destinations: count)
            let schedule = benchmarkSchedule(service, requests, plan)
            if plan.fixedOperations != nil { continue }  // callgrind counts `schedule` alone
            let select = benchmarkSelect(service, requests, plan)
            let perDestination = schedule.median / Double(count)
            print("| \(scheduler.rawValue) | \(count) | \(pad(format(schedule.minimum), 7)) | \(pad(format(schedule.median), 7)) | \(pad(format(select.minimum), 7)) | \(pad(format(select.median), 7)) | \(pad(format(perDestination), 6)) |")
        }
    }
case "simulator":
    print("| scheduler | dests | Replay conn/s (best) | Replay conn/s (median) | engine conn/s (best) | engine conn/s (median) |")
    print("|---|---:|---:|---:|---:|---:|")
    for scheduler in schedulers {
        for count in sizes ?? [10, 100] {
            let replay = benchmarkReplay(scheduler, destinations: count, connections: connections, plan)
            let engine = benchmarkEngine(scheduler, destinations: count, connections: connections, plan)
            if plan.fixedOperations != nil { continue }
            func rate(_ ns: Double) -> String { pad(String(Int((1e9 / ns).rounded())), 9) }
            print("| \(scheduler.rawValue) | \(count) | \(rate(replay.minimum)) | \(rate(replay.median)) | \(rate(engine.minimum)) | \(rate(engine.median)) |")
        }
    }
default:
    fatalError("unknown mode \(mode) (schedulers or simulator)")
}
