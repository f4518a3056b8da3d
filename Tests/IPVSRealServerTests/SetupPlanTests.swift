import IPVSCore
import IPVSRealServer
import Testing

private func vip(_ text: String) throws -> IPAddress { try RealServerSetup.parseVIP(text) }
private func prefix(_ text: String) throws -> AddressPrefix { try #require(AddressPrefix(text)) }

/// A fresh network namespace with an eth0 facing the clients and the kernel's defaults.
private func freshHost(tunl0: Bool = false) -> ObservedHost {
    var host = ObservedHost(links: ["lo": true, "eth0": true])
    for device in ["all", "lo", "eth0"] {
        host.sysctls[.ipv4Conf(device, "arp_ignore")] = "0"
        host.sysctls[.ipv4Conf(device, "arp_announce")] = "0"
    }
    if tunl0 {
        host.links["tunl0"] = false
        host.sysctls[.ipv4Conf("tunl0", "arp_ignore")] = "0"
        host.sysctls[.ipv4Conf("tunl0", "arp_announce")] = "0"
        host.sysctls[.ipv4Conf("tunl0", "rp_filter")] = "1"
        host.sysctls[.ipv4Conf("all", "rp_filter")] = "0"
    }
    return host
}

/// Plays steps on an observed host the way the edges would change the real one.
private func applying(_ steps: [Step], to host: ObservedHost) -> ObservedHost {
    var host = host
    for step in steps {
        switch step {
        case .createDummy(let name):
            host.links[name] = false
            host.sysctls[.ipv4Conf(name, "arp_ignore")] = "0"
            host.sysctls[.ipv4Conf(name, "arp_announce")] = "0"
        case .deleteLink(let name):
            host.links[name] = nil
            host.addresses[name] = nil
            host.sysctls = host.sysctls.filter { $0.key.components[3] != name }
        case .setLinkUp(let name): host.links[name] = true
        case .setLinkDown(let name): host.links[name] = false
        case .addAddress(let prefix, let device): host.addresses[device, default: []].insert(prefix)
        case .deleteAddress(let prefix, let device):
            host.addresses[device]?.remove(prefix)
            if host.addresses[device]?.isEmpty == true { host.addresses[device] = nil }
        case .setSysctl(let key, let value, _): host.sysctls[key] = value
        case .addGUEPort(let port): host.guePorts.insert(port)
        case .deleteGUEPort(let port): host.guePorts.remove(port)
        }
    }
    return host
}

@Suite struct StartPlanTests {
    @Test func directRoutingPutsTheVIPOnANewDummyAndSilencesARPOnAllAndOnIt() throws {
        let setup = try RealServerSetup(vip: vip("192.0.2.10"))
        let steps = try SetupPlan.start(setup, on: freshHost())
        #expect(steps == [
            .createDummy("ipvs0"),
            .setLinkUp("ipvs0"),
            .addAddress(try prefix("192.0.2.10/32"), on: "ipvs0"),
            .setSysctl(.ipv4Conf("all", "arp_ignore"), value: "1", previous: "0"),
            .setSysctl(.ipv4Conf("all", "arp_announce"), value: "2", previous: "0"),
            .setSysctl(.ipv4Conf("ipvs0", "arp_ignore"), value: "1", previous: nil),
            .setSysctl(.ipv4Conf("ipvs0", "arp_announce"), value: "2", previous: nil),
        ])
    }

    @Test func startingTwiceChangesNothingTheSecondTime() throws {
        let setup = try RealServerSetup(vip: vip("192.0.2.10"))
        let after = applying(try SetupPlan.start(setup, on: freshHost()), to: freshHost())
        #expect(try SetupPlan.start(setup, on: after).isEmpty)
    }

    @Test func onlyTheMissingPiecesAreChanged() throws {
        var host = freshHost()
        host.sysctls[.ipv4Conf("all", "arp_ignore")] = "1"
        host.sysctls[.ipv4Conf("lo", "arp_announce")] = "2"
        let setup = try RealServerSetup(vip: vip("192.0.2.10"), device: "lo")
        let steps = try SetupPlan.start(setup, on: host)
        #expect(steps == [
            .addAddress(try prefix("192.0.2.10/32"), on: "lo"),
            .setSysctl(.ipv4Conf("all", "arp_announce"), value: "2", previous: "0"),
            .setSysctl(.ipv4Conf("lo", "arp_ignore"), value: "1", previous: "0"),
        ])
    }

    @Test func anIPv6VIPIsAHostPrefixWithNoARPSettings() throws {
        let setup = try RealServerSetup(vip: vip("2001:db8::10"))
        let steps = try SetupPlan.start(setup, on: freshHost())
        #expect(steps == [.createDummy("ipvs0"), .setLinkUp("ipvs0"), .addAddress(try prefix("2001:db8::10/128"), on: "ipvs0")])
    }

    @Test func ipipPutsTheVIPOnTunl0AndLoosensItsReversePathFilter() throws {
        let setup = try RealServerSetup(vip: vip("192.0.2.10"), tunnel: .ipip(.inet))
        let steps = try SetupPlan.start(setup, on: freshHost(tunl0: true))
        #expect(steps == [
            .setLinkUp("tunl0"),
            .addAddress(try prefix("192.0.2.10/32"), on: "tunl0"),
            .setSysctl(.ipv4Conf("all", "arp_ignore"), value: "1", previous: "0"),
            .setSysctl(.ipv4Conf("all", "arp_announce"), value: "2", previous: "0"),
            .setSysctl(.ipv4Conf("tunl0", "arp_ignore"), value: "1", previous: "0"),
            .setSysctl(.ipv4Conf("tunl0", "arp_announce"), value: "2", previous: "0"),
            .setSysctl(.ipv4Conf("tunl0", "rp_filter"), value: "2", previous: "1"),
        ])
    }

    @Test func aReversePathFilterAlreadyOffIsLeftOff() throws {
        var host = freshHost(tunl0: true)
        host.sysctls[.ipv4Conf("tunl0", "rp_filter")] = "0"
        let setup = try RealServerSetup(vip: vip("192.0.2.10"), tunnel: .ipip(.inet))
        #expect(!(try SetupPlan.start(setup, on: host)).contains { if case .setSysctl(let key, _, _) = $0 { key.components.last == "rp_filter" } else { false } })
    }

    @Test func strictFilteringOnAllIsLoosenedOnTheTunnelDevice() throws {
        var host = freshHost(tunl0: true)
        host.sysctls[.ipv4Conf("all", "rp_filter")] = "1"
        host.sysctls[.ipv4Conf("tunl0", "rp_filter")] = "0"
        let setup = try RealServerSetup(vip: vip("192.0.2.10"), tunnel: .ipip(.inet))
        #expect(try SetupPlan.start(setup, on: host).last == .setSysctl(.ipv4Conf("tunl0", "rp_filter"), value: "2", previous: "0"))
    }

    @Test func looseFilteringOnAllNeedsNoChange() throws {
        var host = freshHost(tunl0: true)
        host.sysctls[.ipv4Conf("all", "rp_filter")] = "2"
        let setup = try RealServerSetup(vip: vip("192.0.2.10"), tunnel: .ipip(.inet))
        #expect(SetupPlan.status(setup, on: host).contains { $0.requirement == .looseReversePath("tunl0") && $0.inPlace })
    }

    @Test func gueAlsoOpensItsPort() throws {
        let setup = try RealServerSetup(vip: vip("192.0.2.10"), tunnel: .gue(port: 6080, .inet))
        let steps = try SetupPlan.start(setup, on: freshHost(tunl0: true))
        #expect(steps.last == .addGUEPort(GUEPort(port: 6080, family: .inet)))
    }

    @Test func aTunnelWithoutItsModuleIsAnErrorNamingTheModule() throws {
        let setup = try RealServerSetup(vip: vip("192.0.2.10"), tunnel: .ipip(.inet))
        #expect(throws: RealServerError.tunnelDeviceMissing(device: "tunl0", module: "ipip")) {
            try SetupPlan.start(setup, on: freshHost())
        }
    }

    @Test func theVIPCanSitOnADummyWhileTunl0Decapsulates() throws {
        let setup = try RealServerSetup(vip: vip("192.0.2.10"), device: "vip0", tunnel: .ipip(.inet))
        let steps = try SetupPlan.start(setup, on: freshHost(tunl0: true))
        #expect(steps.prefix(4) == [.setLinkUp("tunl0"), .createDummy("vip0"), .setLinkUp("vip0"), .addAddress(try prefix("192.0.2.10/32"), on: "vip0")])
    }
}

@Suite struct StopPlanTests {
    @Test func stopUndoesStartInReverseAndLeavesTheHostAsItWas() throws {
        let setup = try RealServerSetup(vip: vip("192.0.2.10"), device: "lo")
        let before = freshHost()
        let started = try SetupPlan.start(setup, on: before)
        let stopped = SetupPlan.stop(recorded: started, on: applying(started, to: before))
        #expect(stopped.leftAlone.isEmpty)
        #expect(applying(stopped.steps, to: applying(started, to: before)) == before)
        #expect(stopped.steps.first == .setSysctl(.ipv4Conf("lo", "arp_announce"), value: "0", previous: "2"))
    }

    @Test func deletingTheDummyTakesItsAddressAndSysctlsWithIt() throws {
        let setup = try RealServerSetup(vip: vip("192.0.2.10"))
        let before = freshHost()
        let started = try SetupPlan.start(setup, on: before)
        let stopped = SetupPlan.stop(recorded: started, on: applying(started, to: before))
        #expect(stopped.steps == [
            .setSysctl(.ipv4Conf("all", "arp_announce"), value: "0", previous: "2"),
            .setSysctl(.ipv4Conf("all", "arp_ignore"), value: "0", previous: "1"),
            .deleteLink("ipvs0"),
        ])
        #expect(applying(stopped.steps, to: applying(started, to: before)) == before)
    }

    @Test func settingsThatWereAlreadyInPlaceAreNotTouchedByStop() throws {
        var before = freshHost()
        before.sysctls[.ipv4Conf("all", "arp_ignore")] = "1"
        let setup = try RealServerSetup(vip: vip("192.0.2.10"), device: "lo")
        let started = try SetupPlan.start(setup, on: before)
        let stopped = SetupPlan.stop(recorded: started, on: applying(started, to: before))
        #expect(!stopped.steps.contains(.setSysctl(.ipv4Conf("all", "arp_ignore"), value: "0", previous: "1")))
        #expect(applying(stopped.steps, to: applying(started, to: before)).sysctls[.ipv4Conf("all", "arp_ignore")] == "1")
    }

    @Test func aSysctlChangedSinceStartIsLeftAloneAndReported() throws {
        let setup = try RealServerSetup(vip: vip("192.0.2.10"), device: "lo")
        let started = try SetupPlan.start(setup, on: freshHost())
        var now = applying(started, to: freshHost())
        now.sysctls[.ipv4Conf("all", "arp_ignore")] = "2"
        let stopped = SetupPlan.stop(recorded: started, on: now)
        #expect(!stopped.steps.contains { if case .setSysctl(let key, _, _) = $0 { key == .ipv4Conf("all", "arp_ignore") } else { false } })
        #expect(stopped.leftAlone.count == 1)
    }

    @Test func piecesAlreadyGoneAreSkipped() throws {
        let setup = try RealServerSetup(vip: vip("192.0.2.10"), device: "lo")
        let started = try SetupPlan.start(setup, on: freshHost())
        var now = applying(started, to: freshHost())
        now.addresses["lo"] = nil
        let stopped = SetupPlan.stop(recorded: started, on: now)
        #expect(!stopped.steps.contains(.deleteAddress(try prefix("192.0.2.10/32"), on: "lo")))
    }

    @Test func stopAfterTwoStartsRestoresTheFirstValueFound() throws {
        let setup = try RealServerSetup(vip: vip("192.0.2.10"), device: "lo")
        let before = freshHost()
        let first = try SetupPlan.start(setup, on: before)
        var between = applying(first, to: before)
        between.sysctls[.ipv4Conf("all", "arp_ignore")] = "0"
        let second = try SetupPlan.start(setup, on: between)
        let now = applying(second, to: between)
        let stopped = SetupPlan.stop(recorded: first + second, on: now)
        #expect(applying(stopped.steps, to: now) == before)
    }

    @Test func gueStopClosesThePortAndRestoresTheTunnel() throws {
        let setup = try RealServerSetup(vip: vip("192.0.2.10"), tunnel: .gue(port: 6080, .inet))
        let before = freshHost(tunl0: true)
        let started = try SetupPlan.start(setup, on: before)
        let stopped = SetupPlan.stop(recorded: started, on: applying(started, to: before))
        #expect(stopped.steps.first == .deleteGUEPort(GUEPort(port: 6080, family: .inet)))
        #expect(stopped.steps.last == .setLinkDown("tunl0"))
        #expect(applying(stopped.steps, to: applying(started, to: before)) == before)
    }
}

@Suite struct StatusTests {
    @Test func statusListsEachRequirementWithWhetherItIsInPlace() throws {
        var host = freshHost()
        host.sysctls[.ipv4Conf("all", "arp_ignore")] = "1"
        let setup = try RealServerSetup(vip: vip("192.0.2.10"), device: "lo")
        let status = SetupPlan.status(setup, on: host)
        #expect(status.map(\.requirement.summary) == [
            "interface lo exists", "interface lo is up", "192.0.2.10/32 on lo",
            "net.ipv4.conf.all.arp_ignore = 1", "net.ipv4.conf.all.arp_announce = 2",
            "net.ipv4.conf.lo.arp_ignore = 1", "net.ipv4.conf.lo.arp_announce = 2",
        ])
        #expect(status.map(\.inPlace) == [true, true, false, true, false, false, false])
    }
}
