import Testing
@testable import IPVSCore

/// Differences from 1.31 found by probing it in the VM (issue 14, item 4); each expectation is
/// 1.31's answer there. The same lines are kept in Tests/differential/option-order.cases.
@Suite struct GrammarOracleFindingsTests {
    private func addedServer(_ words: String...) throws -> RealServer? {
        switch try Grammar.parser.parse(words) {
        case .addServer(_, let server), .editServer(_, let server), .deleteServer(_, let server): return server
        default: return nil
        }
    }

    private func addedService(_ words: String...) throws -> VirtualService? {
        guard case .addService(let service) = try Grammar.parser.parse(words) else { return nil }
        return service
    }

    @Test func masqueradedServerReadBeforeTheServiceKeepsPortZero() throws {
        #expect(try addedServer("-a", "-r", "192.0.2.10", "-m", "-t", "192.0.2.1:80")?.port == 0)
        #expect(try addedServer("-a", "-m", "-r", "192.0.2.10", "-t", "192.0.2.1:80")?.port == 0)
    }

    @Test func masqueradedServerReadAfterTheServiceTakesItsPort() throws {
        #expect(try addedServer("-a", "-t", "192.0.2.1:80", "-m", "-r", "192.0.2.10")?.port == 80)
    }

    @Test func routedServerAlwaysTakesTheServicePort() throws {
        #expect(try addedServer("-a", "-r", "192.0.2.10", "-g", "-t", "192.0.2.1:80")?.port == 80)
        #expect(try addedServer("-a", "-r", "192.0.2.10:8080", "-i", "-t", "192.0.2.1:80")?.port == 80)
    }

    @Test func deletedServerReadBeforeTheServiceHasPortZero() throws {
        #expect(try addedServer("-d", "-r", "192.0.2.10", "-t", "192.0.2.1:80")?.port == 0)
        #expect(try addedServer("-d", "-t", "192.0.2.1:80", "-r", "192.0.2.10")?.port == 80)
    }

    @Test func editedServerReadBeforeTheServiceHasPortZero() throws {
        #expect(try addedServer("-e", "-m", "-r", "192.0.2.10", "-t", "192.0.2.1:80")?.port == 0)
    }

    @Test(arguments: [("64x", 64), ("64 ", 64), ("64/", 64), ("64.", 64), ("1e2", 1), ("24x", 24),
                      ("4294967360", 64), ("+64", 64), ("064", 64)])
    func ipv6PrefixLengthIsReadAsAtoiDoes(_ text: String, _ length: UInt32) throws {
        #expect(try addedService("-A", "-t", "[2001:db8::1]:80", "-p", "-M", text)?.netmask == length)
        #expect(try addedService("-A", "-f", "1", "-6", "-p", "-M", text)?.netmask == length)
    }

    @Test(arguments: ["0", "129", "-1", "x", "", "ffff::", "99999999999"])
    func ipv6PrefixLengthOutOfRangeIsRefused(_ text: String) {
        #expect(Grammar.error("-A", "-t", "[2001:db8::1]:80", "-p", "-M", text) == "illegal ipv6 netmask specified\n")
    }

    @Test func schedulerFlagListIsReadToItsFirst127Bytes() {
        let long = String(repeating: "a", count: 200)
        #expect(Grammar.error("-A", "-t", "192.0.2.1:80", "-s", "sh", "-b", long)
            == "invalid scheduler flag `\(String(repeating: "a", count: 127))'\n")
        #expect(Grammar.error("-A", "-t", "192.0.2.1:80", "-s", "sh", "-b", "sh-port," + long)
            == "invalid scheduler flag `\(String(repeating: "a", count: 119))'\n")
    }

    /// 1.31 dies on SIGSEGV here, leaving the table alone; we refuse with status 2 instead.
    @Test(arguments: [",", ",,"])
    func schedulerFlagListOfOnlyCommasIsRefused(_ text: String) {
        #expect(Grammar.error("-A", "-t", "192.0.2.1:80", "-s", "sh", "-b", text) == "no scheduler flag in `\(text)'\n")
        #expect(Grammar.status("-A", "-t", "192.0.2.1:80", "-s", "sh", "-b", text) == 2)
    }
}

@Suite struct AllDigitAddressTests {
    @Test(arguments: ["1", "00", "007", "80", "65536", "3221225985", "4294967295"])
    func allDigitServiceTextIsIllegal(_ text: String) {
        #expect(Grammar.error("-A", "-t", text, "-p") == "illegal virtual server address[:port] specified\n")
        #expect(Grammar.error("-L", "-t", text) == "illegal virtual server address[:port] specified\n")
    }

    @Test(arguments: ["1", "10", "3221225994"])
    func allDigitRealServerTextIsIllegal(_ text: String) {
        #expect(Grammar.error("-a", "-t", "192.0.2.1:80", "-r", text, "-m") == "illegal real server address[:port] specified\n")
    }

    @Test func allDigitHostWithAPortIsAnInetAtonAddress() throws {
        #expect(try Grammar.parse("-A", "-t", "3221225985:80")
            == .addService(VirtualService(key: .address(.tcp, Grammar.ipv4("192.0.2.1"), port: 80))))
        #expect(Grammar.error("-A", "-t", "0x7f000001", "-p") == nil)
    }
}

@Suite struct ZeroCommandTests {
    @Test(arguments: [["-t", "0.0.0.0:0"], ["-t", "0.0"], ["-u", "0.0.0.0"], ["--sctp-service", "0.0.0.0"], ["-t", "[::]:0"], ["-t", "::"]])
    func zeroOfTheAllZeroServiceZeroesEverything(_ service: [String]) throws {
        #expect(try Grammar.parser.parse(["-Z"] + service) == .zero(nil))
    }

    @Test func zeroOfAnAllZeroAddressWithAPortNamesThatService() throws {
        #expect(try Grammar.parse("-Z", "-t", "0.0.0.0:80") == .zero(.address(.tcp, .zero(.inet), port: 80)))
    }
}
