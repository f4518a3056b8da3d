import Testing
@testable import IPVSCore

/// Accepted command lines; each expectation is what 1.31 stored, read back with `-Sn` in the VM.
@Suite struct GrammarCommandTests {
    let vip = ServiceKey.address(.tcp, Grammar.ipv4("192.0.2.1"), port: 80)

    @Test func addServiceDefaultsToWlc() throws {
        #expect(try Grammar.parse("-A", "-t", "192.0.2.1:80") == .addService(VirtualService(key: vip, scheduler: "wlc")))
    }

    @Test(arguments: [["-w", "3"], ["-w3"], ["--weight", "3"], ["--weight=3"], ["-w=3"], ["-mw3"]])
    func weightTakesEveryPoptForm(_ form: [String]) throws {
        let command = try Grammar.parser.parse(["-a", "-t", "192.0.2.1:80", "-r", "192.0.2.2"] + form)
        guard case .addServer(_, let server) = command else { Issue.record("not -a: \(command)"); return }
        #expect(server.weight == 3)
    }

    @Test func bundledListFlagsListConnectionsNumerically() throws {
        guard case .list(let request) = try Grammar.parse("-lnc") else { Issue.record("not a list"); return }
        #expect(request.content == .connections)
        #expect(request.options.numeric)
    }

    @Test func noArgumentsMeansList() throws {
        #expect(try Grammar.parser.parse([String]()) == .list(ListRequest()))
    }

    @Test func persistentWithoutTimeoutUses360Seconds() throws {
        guard case .addService(let service) = try Grammar.parse("-A", "-t", "192.0.2.1:80", "-p", "-s", "rr") else {
            Issue.record("not -A"); return
        }
        #expect(service.timeout == 360)
        #expect(service.flags.contains(.persistent))
        #expect(service.scheduler == "rr")
    }

    @Test(arguments: [["-p", "100"], ["-p100"], ["--persistent=100"], ["--persistent", "100"], ["-p", "+100"], ["-p", "00100"]])
    func persistentTimeoutForms(_ form: [String]) throws {
        guard case .addService(let service) = try Grammar.parser.parse(["-A", "-t", "192.0.2.1:80"] + form) else {
            Issue.record("not -A"); return
        }
        #expect(service.timeout == 100)
    }

    @Test func servicePortAcceptsServiceNames() throws {
        #expect(try Grammar.parse("-A", "-t", "localhost:http") == .addService(VirtualService(
            key: .address(.tcp, Grammar.ipv4("127.0.0.1"), port: 80))))
    }

    @Test(arguments: [("0xc0.0.2.1:80", "192.0.2.1"), ("192.0.2:80", "192.0.0.2"), ("3221225985:80", "192.0.2.1")])
    func ipv4HostsTakeInetAtonForms(_ text: String, _ expected: String) throws {
        #expect(try Grammar.parse("-A", "-t", text) == .addService(VirtualService(
            key: .address(.tcp, Grammar.ipv4(expected), port: 80))))
    }

    @Test func bracketedIPv6ServiceKeepsItsPort() throws {
        let command = try Grammar.parse("-A", "-t", "[2001:db8::1]:80")
        guard case .addService(let service) = command, case .address(_, let address, let port) = service.key else {
            Issue.record("not -A"); return
        }
        #expect(address.bytes == [0x20, 0x01, 0x0d, 0xb8] + [UInt8](repeating: 0, count: 11) + [1])
        #expect(port == 80)
    }

    @Test func realServerPortDefaultsToTheServicePort() throws {
        let command = try Grammar.parse("-a", "-t", "192.0.2.1:80", "-r", "192.0.2.2", "-m")
        guard case .addServer(_, let server) = command else { Issue.record("not -a"); return }
        #expect(server.port == 80)
        #expect(server.forwarding == .masquerade)
    }

    @Test func directRoutedRealServerTakesTheServicePort() throws {
        guard case .addServer(_, let server) = try Grammar.parse("-a", "-t", "192.0.2.1:80", "-r", "192.0.2.2:8080", "-g") else {
            Issue.record("not -a"); return
        }
        #expect(server.port == 80)
    }

    @Test func firewallMarkRealServerKeepsItsPort() throws {
        guard case .addServer(let key, let server) = try Grammar.parse("-a", "-f", "1", "-r", "192.0.2.2:8080", "-g") else {
            Issue.record("not -a"); return
        }
        #expect(key == .firewallMark(1, family: .inet))
        #expect(server.port == 8080)
    }

    @Test func ipv4NetmaskTakesInetAtonForms() throws {
        guard case .addService(let service) = try Grammar.parse("-A", "-t", "192.0.2.1:80", "-p", "-M", "24") else {
            Issue.record("not -A"); return
        }
        #expect(service.netmask == 24)  // 1.31 saves it as -M 0.0.0.24
    }

    @Test func largestFirewallMarkIsAccepted() throws {
        #expect(try Grammar.parse("-A", "-f", "4294967295") == .addService(VirtualService(
            key: .firewallMark(0xFFFF_FFFF, family: .inet))))
    }

    @Test func schedulerFlagsNeedTheirSchedulerAfterTheLoop() throws {
        guard case .addService(let service) = try Grammar.parse("-A", "-t", "192.0.2.1:80", "-b", "sh-port", "-s", "sh") else {
            Issue.record("not -A"); return
        }
        #expect(service.flags == [.schedulerFlag2])
    }

    @Test func setTakesThreeTimeouts() throws {
        #expect(try Grammar.parse("--set", "1", "2", "3") == .setTimeouts(Timeouts(tcp: 1, tcpFin: 2, udp: 3)))
    }

    @Test func startDaemonReadsItsOptions() throws {
        #expect(try Grammar.parse("--start-daemon", "master", "--mcast-interface", "lo", "--syncid", "5")
            == .startDaemon(SyncDaemon(state: .master, multicastInterface: "lo", syncID: 5)))
    }

    @Test func daemonInterfaceDefaultsToEth0() throws {
        // 1.31 in the VM, with a dummy eth0: "master sync daemon (mcast=eth0, ...".
        #expect(try Grammar.parse("--start-daemon", "master") == .startDaemon(SyncDaemon(state: .master, multicastInterface: "eth0")))
    }

    @Test func helpWinsWhenFirst() throws {
        #expect(try Grammar.parse("-hL") == .help)
        #expect(try Grammar.parse("-h", "--bogus") == .help)
    }

    @Test func helpTextNamesTheProgram() {
        let text = String(decoding: HelpText.usage(programName: Array("ipvsadm".utf8)), as: UTF8.self)
        #expect(text.hasPrefix("ipvsadm v1.31 2019/12/24 (compiled with popt and IPVS v1.2.1)\nUsage:\n  ipvsadm -A|E virtual-service"))
        #expect(text.hasSuffix("  --mcast-ttl ttl                     Multicast TTL (default=1)\n"))
    }
}
