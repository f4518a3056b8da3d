import IPVSCore
import IPVSNetlink

/// Every forwarding method, every tunnel type with ports and checksum options, weights and
/// thresholds, on IPv4 and IPv6 services.
func realServerCases(_ runner: TestRunner, _ client: NetlinkClient) {
    struct Server {
        var options: String
        var server: RealServer
    }
    func servers(_ base: String, _ make: (Int) -> IPAddress, port: UInt16) -> [Server] {
        func target(_ index: Int, _ port: UInt16) -> String {
            if port == 0 { return "\(base)\(index)" }
            return base.contains(":") ? "[\(base)\(index)]:\(port)" : "\(base)\(index):\(port)"
        }
        return [
            Server(options: "-r \(target(1, 8080)) -m -w 5 -x 100 -y 50",
                   server: RealServer(address: make(1), port: 8080, forwarding: .masquerade, weight: 5,
                                      upperThreshold: 100, lowerThreshold: 50)),
            Server(options: "-r \(target(2, port)) -g -w 0",
                   server: RealServer(address: make(2), port: port, forwarding: .directRoute, weight: 0)),
            Server(options: "-r \(target(3, port)) -i -x 7",
                   server: RealServer(address: make(3), port: port, forwarding: .tunnel, upperThreshold: 7)),
            Server(options: "-r \(target(4, port)) -i --tun-type gue --tun-port 6080 --tun-nocsum",
                   server: RealServer(address: make(4), port: port, forwarding: .tunnel, tunnelType: .gue,
                                      tunnelPort: 6080)),
            Server(options: "-r \(target(5, port)) -i --tun-type gue --tun-port 6081 --tun-csum -w 9",
                   server: RealServer(address: make(5), port: port, forwarding: .tunnel, weight: 9, tunnelType: .gue,
                                      tunnelPort: 6081, tunnelFlags: .checksum)),
            Server(options: "-r \(target(6, port)) -i --tun-type gue --tun-port 6082 --tun-remcsum",
                   server: RealServer(address: make(6), port: port, forwarding: .tunnel, tunnelType: .gue,
                                      tunnelPort: 6082, tunnelFlags: .remoteChecksum)),
            Server(options: "-r \(target(7, port)) -i --tun-type gre",
                   server: RealServer(address: make(7), port: port, forwarding: .tunnel, tunnelType: .gre)),
            Server(options: "-r \(target(8, port)) -i --tun-type gre --tun-csum -y 3 -x 4",
                   server: RealServer(address: make(8), port: port, forwarding: .tunnel, upperThreshold: 4,
                                      lowerThreshold: 3, tunnelType: .gre, tunnelFlags: .checksum)),
        ]
    }
    let families: [(String, String, ServiceKey, [Server])] = [
        ("IPv4", "-t 192.0.2.10:80", .address(.tcp, address("192.0.2.10"), port: 80),
         servers("198.51.100.", { address("198.51.100.\($0)") }, port: 80)),
        ("IPv6", "-t [2001:db8::10]:80", .address(.tcp, address("2001:db8::10"), port: 80),
         servers("2001:db8:2::", { address("2001:db8:2::\($0)") }, port: 80)),
        ("IPv4 fwmark", "-f 10", .firewallMark(10, family: .inet),
         servers("203.0.113.", { address("203.0.113.\($0)") }, port: 0)),
    ]
    for (family, option, key, list) in families {
        for batch in [false, true] {
            runner.run("real servers \(family): masq, route, tunnel ipip/gue/gre, csum flags, thresholds\(batch ? " (batch)" : "")") {
                var table = TableCase(name: family)
                table.add("-A \(option) -s wlc", VirtualService(key: key, scheduler: "wlc"))
                for server in list { table.add("-a \(option) \(server.options)", server.server, to: key) }
                try roundTrip(table, client: client, batch: batch)
            }
        }
    }

    runner.run("real server of the other family through a tunnel") {
        let key = ServiceKey.address(.tcp, address("192.0.2.11"), port: 80)
        var table = TableCase(name: "mixed")
        table.add("-A -t 192.0.2.11:80 -s rr", VirtualService(key: key, scheduler: "rr"))
        table.add("-a -t 192.0.2.11:80 -r [2001:db8:3::1]:80 -i",
                  RealServer(address: address("2001:db8:3::1"), port: 80, forwarding: .tunnel), to: key)
        try roundTrip(table, client: client, batch: false)
    }
}
