import IPVSCore
import IPVSRealServer
import Testing

@Suite struct InputTests {
    @Test(arguments: ["192.0.2.10", "2001:db8::10"])
    func aVIPIsAnIPv4OrIPv6Number(_ text: String) throws {
        let address = try RealServerSetup.parseVIP(text)
        #expect(String(decoding: AddressText.numeric(address), as: UTF8.self) == text)
    }

    @Test(arguments: ["", "192.0.2.10:80", "192.0.2.10/24", "[2001:db8::10]:80", "www.example.org", "192.0.2.300"])
    func anythingElseIsAnInvalidVIP(_ text: String) {
        #expect(throws: RealServerError.invalidVIP(text)) { try RealServerSetup.parseVIP(text) }
    }

    @Test(arguments: ["", "a/b", "sixteen-letters!", "eth 0", "..", "lo:0"])
    func badInterfaceNamesAreRefused(_ name: String) throws {
        let address = try RealServerSetup.parseVIP("192.0.2.10")
        #expect(throws: RealServerError.invalidDevice(name)) { try RealServerSetup(vip: address, device: name) }
    }

    @Test func aTunnelOfTheOtherFamilyIsRefused() throws {
        let address = try RealServerSetup.parseVIP("192.0.2.10")
        #expect(throws: RealServerError.tunnelFamilyMismatch(vip: address)) {
            try RealServerSetup(vip: address, tunnel: .ipip(.inet6))
        }
    }

    @Test func anIPv6TunnelUsesIp6tnl0() throws {
        let setup = try RealServerSetup(vip: RealServerSetup.parseVIP("2001:db8::10"), tunnel: .ipip(.inet6))
        #expect(setup.device == "ip6tnl0")
    }

    @Test func guePortsAreReadFromIpFouShow() {
        let ports = GUEPortList.parse("port 6080 gue\nport 6081 ipproto 4\nport 6082 gue -6\n")
        #expect(ports == [GUEPort(port: 6080, family: .inet), GUEPort(port: 6082, family: .inet6)])
    }
}

@Suite struct StateRecordTests {
    @Test func everyStepSurvivesTheStateFile() throws {
        let prefix = try #require(AddressPrefix("192.0.2.10/32"))
        let steps: [Step] = [
            .createDummy("ipvs0"), .deleteLink("x0"), .setLinkUp("ipvs0"), .setLinkDown("tunl0"),
            .addAddress(prefix, on: "ipvs0"), .deleteAddress(prefix, on: "lo"),
            .setSysctl(.ipv4Conf("eth0.100", "arp_ignore"), value: "1", previous: "0"),
            .setSysctl(.ipv4Conf("ipvs0", "arp_announce"), value: "2", previous: nil),
            .addGUEPort(GUEPort(port: 6080, family: .inet)), .deleteGUEPort(GUEPort(port: 6080, family: .inet6)),
        ]
        #expect(try StateRecord.parse(StateRecord.format(steps), path: "s") == steps)
    }

    @Test func aBadLineIsReportedWithItsNumber() {
        #expect(throws: RealServerError.corruptState(path: "s", line: 3, text: "sysctl net/../x 1 0")) {
            try StateRecord.parse("# comment\ncreate-dummy ipvs0\nsysctl net/../x 1 0\n", path: "s")
        }
    }

    @Test func anUnknownVerbIsCorrupt() {
        #expect(throws: RealServerError.corruptState(path: "s", line: 1, text: "reboot now")) {
            try StateRecord.parse("reboot now", path: "s")
        }
    }
}
