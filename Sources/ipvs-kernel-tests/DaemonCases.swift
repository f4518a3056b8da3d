import IPVSCore
import IPVSNetlink

/// Sync daemons started and stopped by the oracle and by the library must list the same.
func daemonCases(_ runner: TestRunner, _ client: NetlinkClient) {
    // Two dummy interfaces carry the multicast traffic; the VM may already have dummy0.
    _ = try? Shell.run(["ip", "link", "add", "ipvsdummy0", "type", "dummy"])
    _ = try? Shell.run(["ip", "link", "add", "ipvsdummy1", "type", "dummy"])
    _ = try? Shell.run(["ip", "link", "set", "ipvsdummy0", "up"])
    _ = try? Shell.run(["ip", "link", "set", "ipvsdummy1", "up"])

    // Multicast groups must be multicast addresses: these come from the administratively scoped
    // 239/8 and ff05::/16 ranges, as no documentation range is multicast.
    let cases: [(String, [[String]], [SyncDaemon])] = [
        ("master with defaults", [["--start-daemon", "master", "--mcast-interface", "ipvsdummy0"]],
         [SyncDaemon(state: .master, multicastInterface: "ipvsdummy0")]),
        ("backup with sync id, group, port, ttl, maxlen",
         [["--start-daemon", "backup", "--mcast-interface", "ipvsdummy1", "--syncid", "7", "--mcast-group", "239.1.2.3",
           "--mcast-port", "9000", "--mcast-ttl", "3", "--sync-maxlen", "1200"]],
         [SyncDaemon(state: .backup, multicastInterface: "ipvsdummy1", syncID: 7, maxLength: 1200,
                     multicastGroup: address("239.1.2.3"), multicastPort: 9000, multicastTTL: 3)]),
        ("master and backup at once, IPv6 group",
         [["--start-daemon", "master", "--mcast-interface", "ipvsdummy0", "--syncid", "200", "--mcast-group", "ff05::81"],
          ["--start-daemon", "backup", "--mcast-interface", "ipvsdummy1", "--syncid", "200", "--mcast-group", "ff05::81"]],
         [SyncDaemon(state: .master, multicastInterface: "ipvsdummy0", syncID: 200, multicastGroup: address("ff05::81")),
          SyncDaemon(state: .backup, multicastInterface: "ipvsdummy1", syncID: 200, multicastGroup: address("ff05::81"))]),
    ]
    for (name, commands, daemons) in cases {
        runner.run("sync daemon: \(name)") {
            for command in commands { try Oracle.must(command) }
            let recorded = try Oracle.must(["-L", "--daemon"])
            let readByOracle = try client.daemons()
            try expectEqual(readByOracle.count, daemons.count, "daemons listed")
            for (read, asked) in zip(readByOracle.sorted { $0.state.rawValue < $1.state.rawValue }, daemons) {
                try expectEqual(read.state, asked.state, "state")
                try expectEqual(read.multicastInterface, asked.multicastInterface, "interface")
                try expectEqual(read.syncID, asked.syncID, "sync id")
                if asked.maxLength != 0 { try expectEqual(read.maxLength, asked.maxLength, "maxlen") }
                if asked.multicastGroup != nil { try expectEqual(read.multicastGroup, asked.multicastGroup, "group") }
                if asked.multicastPort != 0 { try expectEqual(read.multicastPort, asked.multicastPort, "port") }
                if asked.multicastTTL != 0 { try expectEqual(read.multicastTTL, asked.multicastTTL, "ttl") }
            }
            for daemon in daemons { try Oracle.must(["--stop-daemon", daemon.state == .master ? "master" : "backup"]) }
            let stoppedByOracle = try Oracle.must(["-L", "--daemon"])

            for daemon in daemons { try client.perform(.startDaemon(daemon)) }
            try expectSameText(try Oracle.must(["-L", "--daemon"]), recorded, "ipvsadm -L --daemon")
            // What the kernel filled in for defaults must read back the same both times.
            try expectEqual(try client.daemons(), readByOracle, "daemons read back")
            for daemon in daemons { try client.perform(.stopDaemon(daemon.state)) }
            try expectSameText(try Oracle.must(["-L", "--daemon"]), stoppedByOracle, "listing after stopping")
            try expectEqual(try client.daemons(), [], "daemons after stopping")
        }
    }
}
