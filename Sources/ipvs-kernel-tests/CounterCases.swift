import Foundation
import IPVSCore
import IPVSNetlink

/// GET_INFO and the traffic counters, against the oracle's listing.
func counterCases(_ runner: TestRunner, _ client: NetlinkClient) {
    runner.run("info: version and connection table size") {
        let info = try client.info()
        let header = try Oracle.must(["-Ln"]).split(separator: "\n").first.map(String.init) ?? ""
        try expectEqual(
            header, "IP Virtual Server version \(info.major).\(info.minor).\(info.patch) (size=\(info.connectionTableSize))",
            "first line of ipvsadm -Ln")
    }

    // Locally sent UDP datagrams pass IPVS's output hook, so the VM can make traffic on its own.
    _ = try? Shell.run(["ip", "link", "add", "ipvsdummy2", "type", "dummy"])
    _ = try? Shell.run(["ip", "link", "set", "ipvsdummy2", "up"])
    _ = try? Shell.run(["ip", "addr", "add", "192.0.2.254/24", "dev", "ipvsdummy2"])
    let key = ServiceKey.address(.udp, address("192.0.2.60"), port: 53)
    let other = ServiceKey.address(.udp, address("192.0.2.61"), port: 53)

    /// Sends datagrams until the service has counted `count` packets (the first ones after a
    /// service appears are sometimes not seen), or gives up after a bound.
    func traffic(_ target: String, _ key: ServiceKey, _ count: UInt64) throws {
        for _ in 0..<50 where try client.service(key).statistics.incomingPackets < count {
            _ = try Shell.run(["/bin/bash", "-c", "echo hello > /dev/udp/\(target)/53"])
        }
    }

    /// The oracle's `--stats --exact` numbers of one service line: conns, inpkts, outpkts, inbytes, outbytes.
    func oracleCounters(_ service: String) throws -> [UInt64] {
        let listing = try Oracle.must(["-Ln", "--stats", "--exact"])
        for line in listing.split(separator: "\n") where line.contains(service) && line.hasPrefix("UDP") {
            return line.split(separator: " ").dropFirst(2).compactMap { UInt64($0) }
        }
        throw CaseFailure(description: "no line for \(service) in\n\(listing)")
    }

    func libraryCounters(_ key: ServiceKey) throws -> [UInt64] {
        let s = try client.service(key).statistics
        return [s.connections, s.incomingPackets, s.outgoingPackets, s.incomingBytes, s.outgoingBytes]
    }

    runner.run("counters read and zeroed per service and all at once") {
        for (k, target) in [(key, "192.0.2.60"), (other, "192.0.2.61")] {
            try client.perform(.addService(VirtualService(key: k, scheduler: "rr")))
            try client.perform(.addRealServer(k, RealServer(address: address("192.0.2.200"), port: 53, forwarding: .masquerade)))
            try traffic(target, k, 3)
        }
        let before = try libraryCounters(key)
        try expect(before[1] >= 3, "no packets counted: \(before)")
        try expectEqual(before, try oracleCounters("192.0.2.60:53"), "counters of 192.0.2.60:53")
        let servers = try client.realServers(of: key)
        try expectEqual(servers.first?.statistics.incomingPackets, before[1], "real server packets")

        try client.perform(.zero(key))
        try expectEqual(try libraryCounters(key), [0, 0, 0, 0, 0], "counters after zeroing the service")
        try expectEqual(try oracleCounters("192.0.2.60:53"), [0, 0, 0, 0, 0], "oracle counters after zeroing")
        try expect(try libraryCounters(other)[1] >= 3, "the other service was zeroed too")

        try client.perform(.zero(nil))
        try expectEqual(try libraryCounters(other), [0, 0, 0, 0, 0], "counters after zeroing all")
        try expectEqual(try oracleCounters("192.0.2.61:53"), [0, 0, 0, 0, 0], "oracle counters after zeroing all")
    }
}
