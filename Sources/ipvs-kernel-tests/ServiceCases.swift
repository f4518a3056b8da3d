import IPVSCore
import IPVSNetlink

/// The kernel's schedulers, by the names ipvsadm and the kernel use.
let schedulers = ["rr", "wrr", "lc", "wlc", "sed", "nq", "sh", "dh", "lblc", "lblcr", "fo", "ovf", "mh"]

/// One kind of service: how the oracle names it and how the model does.
struct ServiceKind {
    var name: String
    /// The service's option on the oracle's command line (`-t 192.0.2.1:80`).
    var option: String
    var key: ServiceKey
    /// A real server for it, in its family: the oracle's `-r` value and the model's address and port.
    var serverOption: String
    var serverAddress: IPAddress
    var serverPort: UInt16
}

let serviceKinds: [ServiceKind] = [
    ServiceKind(name: "tcp4", option: "-t 192.0.2.1:80", key: .address(.tcp, address("192.0.2.1"), port: 80),
                serverOption: "198.51.100.1:8080", serverAddress: address("198.51.100.1"), serverPort: 8080),
    ServiceKind(name: "udp4", option: "-u 192.0.2.1:53", key: .address(.udp, address("192.0.2.1"), port: 53),
                serverOption: "198.51.100.1:5353", serverAddress: address("198.51.100.1"), serverPort: 5353),
    ServiceKind(name: "sctp4", option: "--sctp-service 192.0.2.1:3868",
                key: .address(.sctp, address("192.0.2.1"), port: 3868),
                serverOption: "198.51.100.1:3869", serverAddress: address("198.51.100.1"), serverPort: 3869),
    ServiceKind(name: "fwm4", option: "-f 1", key: .firewallMark(1, family: .inet),
                serverOption: "198.51.100.1:8080", serverAddress: address("198.51.100.1"), serverPort: 8080),
    ServiceKind(name: "tcp6", option: "-t [2001:db8::1]:80", key: .address(.tcp, address("2001:db8::1"), port: 80),
                serverOption: "[2001:db8:1::1]:8080", serverAddress: address("2001:db8:1::1"), serverPort: 8080),
    ServiceKind(name: "udp6", option: "-u [2001:db8::1]:53", key: .address(.udp, address("2001:db8::1"), port: 53),
                serverOption: "[2001:db8:1::1]:5353", serverAddress: address("2001:db8:1::1"), serverPort: 5353),
    ServiceKind(name: "sctp6", option: "--sctp-service [2001:db8::1]:3868",
                key: .address(.sctp, address("2001:db8::1"), port: 3868),
                serverOption: "[2001:db8:1::1]:3869", serverAddress: address("2001:db8:1::1"), serverPort: 3869),
    ServiceKind(name: "fwm6", option: "-f 2 -6", key: .firewallMark(2, family: .inet6),
                serverOption: "[2001:db8:1::1]:8080", serverAddress: address("2001:db8:1::1"), serverPort: 8080),
]

/// Every scheduler on every kind of service, each with a masquerading real server; odd
/// schedulers go through `performBatch`, even ones request by request.
func schedulerCases(_ runner: TestRunner, _ client: NetlinkClient) {
    for (index, scheduler) in schedulers.enumerated() {
        runner.run("scheduler \(scheduler) on tcp/udp/sctp/fwmark, IPv4 and IPv6") {
            var table = TableCase(name: scheduler)
            for kind in serviceKinds {
                table.add("-A \(kind.option) -s \(scheduler)", VirtualService(key: kind.key, scheduler: scheduler))
                table.add(
                    "-a \(kind.option) -r \(kind.serverOption) -m -w 2",
                    RealServer(address: kind.serverAddress, port: kind.serverPort, forwarding: .masquerade, weight: 2),
                    to: kind.key)
            }
            try roundTrip(table, client: client, batch: index % 2 == 1)
        }
    }
}

/// Persistence, netmasks, scheduler flags, one-packet scheduling and the SIP persistence engine.
func serviceFlagCases(_ runner: TestRunner, _ client: NetlinkClient) {
    let tcp4 = ServiceKey.address(.tcp, address("192.0.2.2"), port: 443)
    let tcp6 = ServiceKey.address(.tcp, address("2001:db8::2"), port: 443)
    let udp4 = ServiceKey.address(.udp, address("192.0.2.3"), port: 5060)
    let udp6 = ServiceKey.address(.udp, address("2001:db8::3"), port: 5060)
    let mark4 = ServiceKey.firewallMark(3, family: .inet)
    let mark6 = ServiceKey.firewallMark(4, family: .inet6)

    let cases: [(String, String, VirtualService)] = [
        ("persistent IPv4 with netmask", "-A -t 192.0.2.2:443 -s wlc -p 600 -M 255.255.255.0",
         VirtualService(key: tcp4, scheduler: "wlc", flags: .persistent, timeout: 600, netmask: 0xFFFF_FF00)),
        ("persistent IPv6 with prefix", "-A -t [2001:db8::2]:443 -s wlc -p 1200 -M 64",
         VirtualService(key: tcp6, scheduler: "wlc", flags: .persistent, timeout: 1200, netmask: 64)),
        ("persistent fwmark IPv4", "-A -f 3 -s rr -p 60",
         VirtualService(key: mark4, scheduler: "rr", flags: .persistent, timeout: 60)),
        ("persistent fwmark IPv6 with prefix", "-A -f 4 -6 -s lc -p 90 -M 48",
         VirtualService(key: mark6, scheduler: "lc", flags: .persistent, timeout: 90, netmask: 48)),
        ("scheduler flag-1", "-A -t 192.0.2.2:443 -s rr -b flag-1",
         VirtualService(key: tcp4, scheduler: "rr", flags: .schedulerFlag1)),
        ("scheduler flag-2", "-A -t 192.0.2.2:443 -s rr -b flag-2",
         VirtualService(key: tcp4, scheduler: "rr", flags: .schedulerFlag2)),
        ("scheduler flag-3", "-A -t 192.0.2.2:443 -s rr -b flag-3",
         VirtualService(key: tcp4, scheduler: "rr", flags: .schedulerFlag3)),
        ("sh-fallback and sh-port", "-A -t 192.0.2.2:443 -s sh -b sh-fallback,sh-port",
         VirtualService(key: tcp4, scheduler: "sh", flags: [.schedulerFlag1, .schedulerFlag2])),
        ("mh-fallback and mh-port on IPv6", "-A -t [2001:db8::2]:443 -s mh -b mh-fallback,mh-port",
         VirtualService(key: tcp6, scheduler: "mh", flags: [.schedulerFlag1, .schedulerFlag2])),
        ("one-packet scheduling", "-A -u 192.0.2.3:5060 -s rr -o",
         VirtualService(key: udp4, scheduler: "rr", flags: .onePacket)),
        ("one-packet scheduling IPv6 persistent", "-A -u [2001:db8::3]:5060 -s wrr -o -p 30",
         VirtualService(key: udp6, scheduler: "wrr", flags: [.onePacket, .persistent], timeout: 30, netmask: 128)),
        ("persistence engine sip", "-A -u 192.0.2.3:5060 -s rr -p 300 --pe sip",
         VirtualService(key: udp4, scheduler: "rr", flags: .persistent, timeout: 300, persistenceEngine: "sip")),
        ("persistence engine sip on IPv6 fwmark", "-A -f 4 -6 -s sh -p 120 --pe sip",
         VirtualService(key: mark6, scheduler: "sh", flags: .persistent, timeout: 120, persistenceEngine: "sip")),
    ]
    for (name, line, service) in cases {
        runner.run("service \(name)") {
            var table = TableCase(name: name)
            table.add(line, service)
            try roundTrip(table, client: client, batch: false)
        }
    }
}
