import IPVSCore
import IPVSNetlink

/// Edits and deletions, compared step for step with the oracle doing the same.
func editCases(_ runner: TestRunner, _ client: NetlinkClient) {
    let key = ServiceKey.address(.tcp, address("192.0.2.20"), port: 80)
    let key6 = ServiceKey.address(.udp, address("2001:db8::20"), port: 53)
    let base = VirtualService(key: key, scheduler: "wlc")
    let first = RealServer(address: address("198.51.100.21"), port: 80, forwarding: .directRoute)
    let second = RealServer(address: address("198.51.100.22"), port: 8080, forwarding: .masquerade, weight: 3)

    func table(_ name: String) -> TableCase {
        var table = TableCase(name: name)
        table.add("-A -t 192.0.2.20:80 -s wlc", base)
        table.add("-a -t 192.0.2.20:80 -r 198.51.100.21:80 -g", first, to: key)
        table.add("-a -t 192.0.2.20:80 -r 198.51.100.22:8080 -m -w 3", second, to: key)
        return table
    }

    runner.run("edit service: scheduler, persistence, netmask, flags") {
        var edit = table("edit service")
        edit.step("-E -t 192.0.2.20:80 -s sh -p 900 -M 255.255.0.0 -b sh-port",
                  .editService(VirtualService(key: key, scheduler: "sh", flags: [.persistent, .schedulerFlag2],
                                              timeout: 900, netmask: 0xFFFF_0000)))
        try roundTrip(edit, client: client, batch: false)
    }
    runner.run("edit service: persistence and flags removed again") {
        var edit = table("edit back")
        edit.step("-E -t 192.0.2.20:80 -s rr -p 900 -b flag-1",
                  .editService(VirtualService(key: key, scheduler: "rr", flags: [.persistent, .schedulerFlag1], timeout: 900)))
        edit.step("-E -t 192.0.2.20:80 -s rr", .editService(VirtualService(key: key, scheduler: "rr")))
        try roundTrip(edit, client: client, batch: true)
    }
    runner.run("edit service: add and drop the sip persistence engine on IPv6") {
        var edit = TableCase(name: "pe")
        edit.add("-A -u [2001:db8::20]:53 -s rr", VirtualService(key: key6, scheduler: "rr"))
        edit.step("-E -u [2001:db8::20]:53 -s rr -p 60 --pe sip",
                  .editService(VirtualService(key: key6, scheduler: "rr", flags: .persistent, timeout: 60,
                                              persistenceEngine: "sip")))
        try roundTrip(edit, client: client, batch: false)
        var drop = edit
        drop.step("-E -u [2001:db8::20]:53 -s rr -p 60",
                  .editService(VirtualService(key: key6, scheduler: "rr", flags: .persistent, timeout: 60)))
        try Oracle.must(["-C"])
        try roundTrip(drop, client: client, batch: false)
    }
    runner.run("edit real server: method, weight, thresholds, tunnel") {
        var edit = table("edit dest")
        edit.step("-e -t 192.0.2.20:80 -r 198.51.100.22:8080 -m -w 7 -x 20 -y 10",
                  .editRealServer(key, RealServer(address: address("198.51.100.22"), port: 8080, forwarding: .masquerade,
                                                  weight: 7, upperThreshold: 20, lowerThreshold: 10)))
        edit.step("-e -t 192.0.2.20:80 -r 198.51.100.21:80 -i --tun-type gue --tun-port 7000 --tun-csum",
                  .editRealServer(key, RealServer(address: address("198.51.100.21"), port: 80, forwarding: .tunnel,
                                                  tunnelType: .gue, tunnelPort: 7000, tunnelFlags: .checksum)))
        try roundTrip(edit, client: client, batch: false)
    }
    runner.run("delete real server") {
        var edit = table("delete dest")
        edit.step("-d -t 192.0.2.20:80 -r 198.51.100.21:80", .deleteRealServer(key, address: address("198.51.100.21"), port: 80))
        try roundTrip(edit, client: client, batch: false)
    }
    runner.run("delete service with its real servers") {
        var edit = table("delete service")
        edit.add("-A -f 20 -s rr", VirtualService(key: .firewallMark(20, family: .inet), scheduler: "rr"))
        edit.step("-D -t 192.0.2.20:80", .deleteService(key))
        try roundTrip(edit, client: client, batch: true)
    }
    runner.run("flush") {
        var edit = table("flush")
        edit.add("-A -u [2001:db8::20]:53 -s rr", VirtualService(key: key6, scheduler: "rr"))
        edit.step("-C", .flush)
        edit.add("-A -f 21 -6 -s lc", VirtualService(key: .firewallMark(21, family: .inet6), scheduler: "lc"))
        try roundTrip(edit, client: client, batch: false)
    }
}
