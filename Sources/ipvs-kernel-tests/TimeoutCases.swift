import IPVSCore
import IPVSNetlink

/// Timeouts set by the oracle and by the library must list the same; a zero leaves one alone.
func timeoutCases(_ runner: TestRunner, _ client: NetlinkClient) {
    runner.run("timeouts set and read") {
        let original = try client.timeouts()
        let originalText = try Oracle.must(["-L", "--timeout"])
        defer { _ = try? client.perform(.setTimeouts(original)) }

        for (tcp, tcpFin, udp) in [(100, 20, 30), (7200, 0, 0), (0, 45, 0), (0, 0, 600)] as [(UInt32, UInt32, UInt32)] {
            try Oracle.must(["--set", "\(original.tcp)", "\(original.tcpFin)", "\(original.udp)"])
            try Oracle.must(["--set", "\(tcp)", "\(tcpFin)", "\(udp)"])
            let recorded = try Oracle.must(["-L", "--timeout"])
            let readBack = try client.timeouts()
            try expectEqual(
                readBack,
                Timeouts(tcp: tcp == 0 ? original.tcp : tcp, tcpFin: tcpFin == 0 ? original.tcpFin : tcpFin,
                         udp: udp == 0 ? original.udp : udp),
                "timeouts after --set \(tcp) \(tcpFin) \(udp)")

            try client.perform(.setTimeouts(original))
            try expectSameText(try Oracle.must(["-L", "--timeout"]), originalText, "timeouts restored")
            try client.perform(.setTimeouts(Timeouts(tcp: tcp, tcpFin: tcpFin, udp: udp)))
            try expectSameText(try Oracle.must(["-L", "--timeout"]), recorded, "ipvsadm -L --timeout")
        }
    }
}
