// ipvs-floor: the kernel's own cost of a restore and of a full listing, for Scripts/bench.
//   ipvs-floor restore FILE [BATCH]   every change of FILE (ipvsadm -R lines, numeric) sent over
//                                     one socket, BATCH (default 128) per datagram
//   ipvs-floor dump                   the service dump, then one destination dump per service
// Prints `FLOOR NAME NANOSECONDS REQUESTS`, the time spent talking to the kernel only: reading and
// parsing the file happen before the clock starts, and nothing is formatted.
#if canImport(Glibc)
import Glibc
#endif
import IPVSCore
import IPVSNetlink

func now() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) &* 1_000_000_000 &+ UInt64(spec.tv_nsec)
}

func fail(_ message: String) -> Never {
    let bytes = Array("ipvs-floor: \(message)\n".utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(2)
}

func requests(inFile path: String) -> [IPVSRequest] {
    guard let file = fopen(path, "r") else { fail("cannot open \(path)") }
    defer { fclose(file) }
    let parser = CommandLineParser(resolver: NumericOnlyResolver())
    var result: [IPVSRequest] = []
    var line: UnsafeMutablePointer<CChar>? = nil
    var capacity = 0
    while getline(&line, &capacity, file) > 0 {
        guard let line else { break }
        let words = RestoreLine.words(Array(String(cString: line).utf8))
        if words.isEmpty { continue }
        guard let command = try? parser.parse(bytes: words), let request = command.request else {
            fail("not a change: \(String(cString: line))")
        }
        result.append(request)
    }
    free(line)
    return result
}

let arguments = CommandLine.arguments
// Parsed before the socket opens, so that the parsing alone can be profiled on a host without IPVS.
let all = arguments.count >= 3 && arguments[1] == "restore" ? requests(inFile: arguments[2]) : []
do {
    let client = try NetlinkClient()
    switch arguments.dropFirst().first {
    case "restore":
        guard arguments.count >= 3 else { fail("usage: ipvs-floor restore FILE [BATCH]") }
        if arguments.count >= 4, let batch = Int(arguments[3]) { client.batchLimit = batch }
        let start = now()
        let results = try client.performBatch(all)
        let elapsed = now() - start
        let refused = results.filter { if case .failure = $0 { return true } else { return false } }.count
        if refused > 0 { fail("\(refused) of \(all.count) requests refused") }
        print("FLOOR restore \(elapsed) \(all.count) batch \(client.batchLimit)")
    case "dump":
        let start = now()
        var servers = 0
        let services = try client.services()
        for service in services { servers += try client.realServers(of: service.key).count }
        let elapsed = now() - start
        print("FLOOR dump \(elapsed) \(services.count + 1) servers \(servers)")
    default:
        fail("usage: ipvs-floor restore FILE [BATCH] | dump")
    }
} catch {
    fail("\(error)")
}
