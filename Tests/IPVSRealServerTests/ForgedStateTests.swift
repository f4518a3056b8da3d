import IPVSCore
import IPVSRealServer
import Testing

/// `stop` runs as root and replays the inverses of the state file: only what `start` of the same
/// setup can have written is accepted.
@Suite struct ForgedStateTests {
    private func directRouting() throws -> RealServerSetup {
        try RealServerSetup(vip: RealServerSetup.parseVIP("192.0.2.10"))
    }

    private func tunnelling() throws -> RealServerSetup {
        try RealServerSetup(vip: RealServerSetup.parseVIP("192.0.2.10"), tunnel: .gue(port: 6080, .inet))
    }

    @Test func everyStepStartMakesOnAFreshHostIsAccepted() throws {
        for setup in [try directRouting(), try tunnelling()] {
            var host = ObservedHost(links: ["lo": true, "eth0": true, "tunl0": false])
            for device in ["all", "tunl0"] {
                for name in ["arp_ignore", "arp_announce", "rp_filter"] { host.sysctls[.ipv4Conf(device, name)] = "0" }
            }
            host.sysctls[.ipv4Conf("tunl0", "rp_filter")] = "1"
            let steps = try SetupPlan.start(setup, on: host)
            #expect(!steps.isEmpty)
            let text = StateRecord.format(steps)
            #expect(try StateRecord.parse(text, path: "s", accepting: setup.mayHaveRecorded) == steps)
        }
    }

    @Test(arguments: [
        "delete-link eth0",  // an inverse: start never records one
        "create-dummy eth0",  // another interface than the setup's
        "link-down eth0",
        "add-address 198.51.100.1/24 ipvs0",  // not the VIP
        "add-address 192.0.2.10/32 eth0",  // not the VIP's device
        "delete-address 192.0.2.10/32 ipvs0",
        "sysctl net/ipv4/ip_forward 1 0",  // a key start never sets
        "sysctl net/ipv4/conf/all/arp_ignore 8 0",  // a value start never writes
        "sysctl net/ipv4/conf/all/arp_ignore 1 1;reboot",  // a previous value that is not a number
        "sysctl net/ipv4/conf/all/arp_ignore 1 99999999999",
        "add-gue 6080 inet",  // DR has no tunnel
    ])
    func aStepStartCannotHaveMadeIsRefusedWithItsLine(_ line: String) throws {
        let text = "# ipvsadm-realserver: what start changed; stop undoes it\ncreate-dummy ipvs0\n\(line)\n"
        #expect(throws: RealServerError.foreignState(path: "s", line: 3, text: line)) {
            try StateRecord.parse(text, path: "s", accepting: try directRouting().mayHaveRecorded)
        }
    }

    @Test func theTunnelDeviceIsNeverCreated() throws {
        #expect(try !tunnelling().mayHaveRecorded(.createDummy("tunl0")))
        #expect(try tunnelling().mayHaveRecorded(.addGUEPort(GUEPort(port: 6080, family: .inet))))
        #expect(try !tunnelling().mayHaveRecorded(.addGUEPort(GUEPort(port: 6081, family: .inet))))
    }

    @Test func theRefusalSaysWhatToDo() {
        let message = RealServerError.foreignState(path: "/run/x/net-1/192.0.2.10", line: 3, text: "delete-link eth0").description
        #expect(message == "/run/x/net-1/192.0.2.10:3: 'delete-link eth0' is not a change start makes for this VIP: refusing to undo it (remove the file if it is not ours)")
    }
}

@Suite struct StateFileTrustTests {
    @Test func aRootOwnedFileWritableOnlyByItsOwnerIsTrusted() {
        #expect(StateFileTrust.problem(kind: .regularFile, owner: 0, mode: 0o100644, expected: .regularFile, expectedOwner: 0) == nil)
        #expect(StateFileTrust.problem(kind: .directory, owner: 0, mode: 0o40755, expected: .directory, expectedOwner: 0) == nil)
    }

    @Test func aSymbolicLinkIsRefusedWhateverItPointsTo() {
        #expect(StateFileTrust.problem(kind: .symbolicLink, owner: 0, mode: 0o120777, expected: .regularFile, expectedOwner: 0) == .symbolicLink)
    }

    @Test func anotherOwnerIsRefused() {
        #expect(StateFileTrust.problem(kind: .regularFile, owner: 1000, mode: 0o100600, expected: .regularFile, expectedOwner: 0)
            == .owner(uid: 1000, expected: 0))
    }

    @Test(arguments: [UInt32(0o100664), 0o100646, 0o100666])
    func aFileGroupOrOthersCanWriteIsRefused(_ mode: UInt32) {
        #expect(StateFileTrust.problem(kind: .regularFile, owner: 0, mode: mode, expected: .regularFile, expectedOwner: 0)
            == .writableByOthers(mode: mode))
    }

    @Test func aWorldWritableFolderIsRefused() {
        let problem = StateFileTrust.problem(kind: .directory, owner: 0, mode: 0o41777, expected: .directory, expectedOwner: 0)
        #expect(problem == .writableByOthers(mode: 0o41777))
        #expect(problem?.description == "its mode 1777 lets group or others write to it")
    }

    @Test func aFileWhereAFolderShouldBeIsRefused() {
        #expect(StateFileTrust.problem(kind: .regularFile, owner: 0, mode: 0o100644, expected: .directory, expectedOwner: 0)
            == .wrongKind(expected: .directory))
    }
}
