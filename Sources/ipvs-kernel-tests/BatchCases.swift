import Foundation
import IPVSCore
import IPVSNetlink

/// performBatch: one result per request, in order, refusals in the middle not stopping the rest;
/// datagrams sized by the receive buffer the kernel granted, so that no ack is dropped even when
/// the limit asks for more or the buffer is tiny.
func batchCases(_ runner: TestRunner, _ client: NetlinkClient) {
    let a = ServiceKey.address(.tcp, address("192.0.2.40"), port: 80)
    let b = ServiceKey.firewallMark(40, family: .inet6)
    let missing = ServiceKey.address(.udp, address("192.0.2.41"), port: 53)
    let server = RealServer(address: address("198.51.100.40"), port: 80)

    runner.run("batch with refusals in the middle") {
        let requests: [IPVSRequest] = [
            .addService(VirtualService(key: a, scheduler: "rr")),
            .addService(VirtualService(key: a, scheduler: "rr")),
            .addRealServer(a, server),
            .deleteService(missing),
            .addService(VirtualService(key: b, scheduler: "lc")),
            .addRealServer(a, server),
            .editRealServer(a, RealServer(address: address("198.51.100.40"), port: 80, weight: 4)),
            .addService(VirtualService(key: missing, scheduler: "nosuch")),
        ]
        let results = try client.performBatch(requests)
        let errnos = results.map { result -> Int32 in
            if case .failure(let error) = result { return error.errno }
            return 0
        }
        try expectEqual(errnos, [0, EEXIST, 0, ESRCH, 0, EEXIST, 0, ENOENT], "errno of each request")
        for (result, request) in zip(results, requests) {
            if case .failure(let error) = result { try expectEqual(error.operation, request.operation, "operation") }
        }
        let recorded = try Oracle.views()
        try Oracle.must(["-C"])
        try Oracle.restore(["-A -t 192.0.2.40:80 -s rr", "-a -t 192.0.2.40:80 -r 198.51.100.40:80",
                            "-A -f 40 -6 -s lc", "-e -t 192.0.2.40:80 -r 198.51.100.40:80 -w 4"])
        try expectSameText(recorded, try Oracle.views(), "oracle listings")
    }

    /// A thousand services and as many real servers, as the oracle's -R and as one batch.
    func bigTable(count: Int) -> TableCase {
        var table = TableCase(name: "big")
        for index in 0..<count {
            let port = UInt16(1000 + index)
            let key = ServiceKey.address(.udp, address("192.0.2.50"), port: port)
            table.add("-A -u 192.0.2.50:\(port) -s wrr", VirtualService(key: key, scheduler: "wrr"))
            table.add("-a -u 192.0.2.50:\(port) -r 203.0.113.50:\(port) -m -w \(index % 50)",
                      RealServer(address: address("203.0.113.50"), port: port, forwarding: .masquerade,
                                 weight: Int32(index % 50)),
                      to: key)
        }
        return table
    }

    runner.run("batch of 2000 requests in datagrams of the default size") {
        try roundTrip(bigTable(count: 1000), client: client, batch: true)
    }

    /// The big table with a refusal (adding a service again: EEXIST) after every 700 requests and
    /// at the end, and the errno each request must get.
    func tableWithRefusals(count: Int) -> (table: TableCase, requests: [IPVSRequest], errnos: [Int32]) {
        let table = bigTable(count: count)
        var requests: [IPVSRequest] = []
        var errnos: [Int32] = []
        for (index, request) in table.requests.enumerated() {
            requests.append(request)
            errnos.append(0)
            if index % 700 == 699 || index == table.requests.count - 1 {
                let key = ServiceKey.address(.udp, address("192.0.2.50"), port: 1000)
                requests.append(.addService(VirtualService(key: key, scheduler: "rr")))
                errnos.append(EEXIST)
            }
        }
        return (table, requests, errnos)
    }

    /// Applies the refusal-laced table in one call and checks every request's answer and the table.
    func batchAnsweredExactly(_ client: NetlinkClient, count: Int) throws {
        let (table, requests, expected) = tableWithRefusals(count: count)
        let results = try client.performBatch(requests)
        let errnos = results.map { result -> Int32 in
            if case .failure(let error) = result { return error.errno }
            return 0
        }
        try expectEqual(errnos.count, expected.count, "results")
        for (index, (errno, want)) in zip(errnos, expected).enumerated() where errno != want {
            throw CaseFailure(description: "request \(index): errno \(errno), expected \(want)")
        }
        try checkLibraryReading(table, client: client, when: "after the batch")
    }

    runner.run("batch limit above what the receive buffer holds: datagrams sized by it, every ack arrives") {
        client.batchLimit = 6000
        defer { client.batchLimit = 128 }
        try batchAnsweredExactly(client, count: 3000)
        print("    (receive buffer \(client.receiveBuffer) bytes; limit still \(client.batchLimit))")
        try expectEqual(client.batchLimit, 6000, "the limit (an overrun would have halved it)")
    }

    runner.run("a tiny net.core.rmem_max: datagrams shrink, every request answered exactly") {
        let sysctls = ["/proc/sys/net/core/rmem_max", "/proc/sys/net/core/rmem_default"]
        let saved = try sysctls.map { try String(contentsOfFile: $0, encoding: .utf8) }
        defer { for (path, value) in zip(sysctls, saved) { try? value.write(toFile: path, atomically: false, encoding: .utf8) } }
        for path in sysctls { try "4096\n".write(toFile: path, atomically: false, encoding: .utf8) }
        let small = try NetlinkClient()
        try expect(small.receiveBuffer <= 8192, "receive buffer \(small.receiveBuffer) with rmem_max 4096")
        try batchAnsweredExactly(small, count: 1000)
        print("    (receive buffer \(small.receiveBuffer) bytes; limit still \(small.batchLimit))")
        try expectEqual(small.batchLimit, 128, "the limit (an overrun would have halved it)")
    }
}
