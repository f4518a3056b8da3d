import Foundation
import IPVSCore
import IPVSNetlink

/// performBatch: one result per request, in order, refusals in the middle not stopping the rest;
/// large batches split by the client's limits; an overrun of the receive buffer reported per request.
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

    runner.run("batch larger than the socket buffers: overrun reported per request, limit shrinks") {
        let table = bigTable(count: 3000)
        client.batchLimit = 6000
        defer { client.batchLimit = 128 }
        let results = try client.performBatch(table.requests)
        try expectEqual(results.count, table.requests.count, "results")
        var lost = 0
        for result in results {
            if case .failure(let error) = result {
                try expectEqual(error.errno, ENOBUFS, "only overrun refusals")
                lost += 1
            }
        }
        print("    (\(lost) of \(results.count) acks lost to the overrun; limit now \(client.batchLimit))")
        try expect(client.batchLimit < 6000, "the limit did not shrink (lost \(lost))")
        // The kernel applied every request even where the ack was dropped.
        try expectEqual(try client.services().count, 3000, "services applied")
    }
}
