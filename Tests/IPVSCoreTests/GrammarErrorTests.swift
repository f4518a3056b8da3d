import Testing
@testable import IPVSCore

/// Refused command lines: stderr text and exit status exactly as 1.31 printed them in the VM.
@Suite struct GrammarErrorTests {
    @Test func firstOptionMustBeACommand() {
        #expect(Grammar.error("-n", "-L") == "Try `ipvsadm -h' or 'ipvsadm --help' for more information.\n")
        #expect(Grammar.status("-n", "-L") == 255)
    }

    @Test func unknownOptionAfterTheCommand() {
        #expect(Grammar.error("-A", "-t", "192.0.2.1:80", "--bogus=3") == "--bogus=3: unknown option\n")
        #expect(Grammar.status("-A", "-t", "192.0.2.1:80", "--bogus") == 255)
    }

    @Test func unknownOptionInABundleBlamesTheWholeWord() {
        #expect(Grammar.error("-A", "-mV") == "-mV: unknown option\n")
    }

    @Test func missingArgument() {
        #expect(Grammar.error("-A", "-t") == "-t: missing argument\n")
    }

    @Test func unwantedArgument() {
        #expect(Grammar.error("-A", "-t", "192.0.2.1:80", "--ops=3") == "--ops=3: option does not take an argument\n")
    }

    @Test func optionalTimeoutDoesNotTakeADashWord() {
        #expect(Grammar.error("-A", "-t", "192.0.2.1:80", "-p", "-1") == "-1: unknown option\n")
    }

    @Test func secondCommandIsAnInvalidOption() {
        #expect(Grammar.error("-L", "-h") == "invalid option `-h'\n")
        #expect(Grammar.error("-AE", "-t", "192.0.2.1:80") == "invalid option `-AE'\n")
        #expect(Grammar.status("-L", "-h") == 2)
    }

    @Test func unlistedShortOptionsAreKnown() {
        // -X is --exact and -v a command, though -h shows neither (1.31 in the VM).
        #expect(Grammar.error("-A", "-t", "192.0.2.1:80", "-X") == "Illegal 'exact' option with the 'add-service' command\n")
        #expect(Grammar.error("-A", "-t", "192.0.2.1:80", "-X", "-X") == "multiple 'exact' options specified\n")
        #expect(Grammar.error("-A", "-v") == "invalid option `-v'\n")
    }

    @Test func illegalOptionForTheCommand() {
        #expect(Grammar.error("-A", "-t", "192.0.2.1:80", "-w", "3") == "Illegal 'weight' option with the 'add-service' command\n")
        #expect(Grammar.error("-C", "-n") == "Illegal 'numeric' option with the 'flush' command\n")
    }

    @Test func illegalOptionsAreCheckedInIpvsadmsOrder() {
        #expect(Grammar.error("--set", "1", "2", "3", "--tun-info", "-c", "-n") == "Illegal 'numeric' option with the 'set' command\n")
    }

    @Test func requiredOption() {
        #expect(Grammar.error("-A") == "You need to supply the 'service-address' option for the 'add-service' command\n")
        #expect(Grammar.error("-a", "-t", "192.0.2.1:80") == "You need to supply the 'real-server' option for the 'add-server' command\n")
    }

    @Test func repeatedOption() {
        #expect(Grammar.error("-A", "-t", "192.0.2.1:80", "-u", "192.0.2.2:80") == "multiple 'service-address' options specified\n")
        #expect(Grammar.error("-a", "-t", "192.0.2.1:80", "-r", "192.0.2.2", "-g", "-m") == "multiple 'forwarding-method' options specified\n")
    }

    @Test func leftoverWord() {
        #expect(Grammar.error("-A", "foo", "-t", "192.0.2.1:80", "-w", "3") == "unexpected argument foo\n")
    }

    @Test(arguments: ["99999999999999999999", "2147483648", "-1", "0x10", "5 ", ""])
    func illegalWeights(_ weight: String) {
        #expect(Grammar.error("-a", "-t", "192.0.2.1:80", "-r", "192.0.2.2", "-w", weight) == "illegal weight specified\n")
    }

    @Test func thresholdsAreCheckedAsIntegers() {
        #expect(Grammar.error("-a", "-t", "192.0.2.1:80", "-r", "192.0.2.2", "-x", "2147483648") == "illegal u_threshold specified\n")
        #expect(Grammar.error("-a", "-t", "192.0.2.1:80", "-r", "192.0.2.2", "-x", "2147483647") == nil)
    }

    @Test(arguments: ["0", "abc", "4294967295", "0x10"])
    func invalidPersistentTimeouts(_ timeout: String) {
        #expect(Grammar.error("-A", "-t", "192.0.2.1:80", "-p", timeout) == "invalid timeout value `\(timeout)' specified\n")
    }

    @Test func firewallMarkOutOfRange() {
        #expect(Grammar.error("-A", "-f", "4294967296") == "invalid fwmark value `4294967296' specified\n")
        #expect(Grammar.error("-A", "-f", "0") == "invalid fwmark value `0' specified\n")
    }

    @Test(arguments: ["192.0.2.1:99999", "[2001:db8::1]", "192.0.2.1:", ":80", "nosuchhost.invalid:80", "192.0.2.1:0x50"])
    func illegalServiceAddresses(_ text: String) {
        #expect(Grammar.error("-A", "-t", text) == "illegal virtual server address[:port] specified\n")
    }

    @Test func zeroPortNeedsPersistence() {
        #expect(Grammar.error("-A", "-t", "192.0.2.1") == "Zero port specified for non-persistent service\n")
        #expect(Grammar.error("-A", "-t", "192.0.2.1", "-p") == nil)
    }

    @Test func ipv6FlagBeforeFirewallMarkPrintsABlankLine() {
        #expect(Grammar.error("-A", "-6", "-f", "1") == "-6 used before -f\n\n")
    }

    @Test func ipv6NetmaskIsAPrefixLength() {
        #expect(Grammar.error("-A", "-t", "[2001:db8::1]:80", "-p", "-M", "129") == "illegal ipv6 netmask specified\n")
        #expect(Grammar.error("-A", "-t", "192.0.2.1:80", "-p", "-M", "255.255.255.256") == "illegal virtual server persistent mask specified\n")
    }

    @Test func onePacketSchedulingOnlyForUDP() {
        #expect(Grammar.error("-A", "-t", "192.0.2.1:80", "-o") == "One-Packet Scheduling is only for UDP virtual services\n")
    }

    @Test func schedulerFlags() {
        #expect(Grammar.error("-A", "-t", "192.0.2.1:80", "-s", "rr", "-b", "sh-port") == "incompatible scheduler flag `sh-port'\n")
        #expect(Grammar.error("-A", "-t", "192.0.2.1:80", "-s", "sh", "-b", "sh-port,bogus") == "invalid scheduler flag `bogus'\n")
    }

    @Test func bracketedIPv4HostDropsItsPortUnread() {
        #expect(Grammar.error("-A", "-t", "[192.0.2.1]:99999") == "Zero port specified for non-persistent service\n")
    }

    @Test func realServerPortNamesNeedAServiceOptionFirst() {
        #expect(Grammar.error("-a", "-r", "192.0.2.2:domain", "-u", "192.0.2.1:53", "-m") == "illegal real server address[:port] specified\n")
        #expect(Grammar.error("-a", "-u", "192.0.2.1:53", "-r", "192.0.2.2:domain", "-m") == nil)
    }

    @Test func deleteServerSkipsTheFamilyCheck() {
        #expect(Grammar.error("-d", "-t", "192.0.2.1:80", "-r", "[2001:db8::2]:80") == nil)
    }

    @Test func daemonListingRefusesPersistentConnections() {
        #expect(Grammar.error("-L", "--daemon", "--persistent-conn") == "options conflicts in the list command\n")
        #expect(Grammar.error("-L", "-c", "--persistent-conn") == nil)
    }

    @Test func differentFamilyOnlyForTunnels() {
        #expect(Grammar.error("-a", "-t", "192.0.2.1:80", "-r", "[2001:db8::2]:80")
            == "Different address family is allowed only for tunneling servers\n")
    }

    @Test func tunnelChecks() {
        let base = ["-a", "-t", "192.0.2.1:80", "-r", "192.0.2.2"]
        func error(_ extra: String...) -> String? {
            do { _ = try Grammar.parser.parse(base + extra); return nil } catch {
                return String(decoding: error.message(programName: []), as: UTF8.self)
            }
        }
        #expect(error("-m", "--tun-type", "gue") == "Tunnel options conflict with forward method\n")
        #expect(error("-i", "--tun-type", "gue") == "You need to supply the 'tun-port' option for the 'gue' tunnel type\n")
        #expect(error("-i", "--tun-port", "6080") == "Illegal 'tun-port' option with the 'ipip' tunnel type\n")
        #expect(error("-i", "--tun-type", "gre", "--tun-remcsum") == "Illegal 'tun-remcsum' option with the 'gre' tunnel type\n")
        #expect(error("-i", "--tun-type", "gue", "--tun-port", "1", "--tun-remcsum", "--tun-nocsum", "--tun-csum")
            == "The option 'tun-csum' conflicts with the 'tun-nocsum' option in the 'gue' tunnel type\n")
        #expect(error("-i", "--tun-type", "bogus") == "illegal tunnel type specified\n")
    }

    @Test func listConflicts() {
        #expect(Grammar.error("-L", "--daemon", "--timeout") == "The option 'daemon' conflicts with the 'timeout' option in the 'list' command\n")
        #expect(Grammar.error("-L", "-t", "192.0.2.1:80", "-c") == "The option 'service-address' conflicts with the 'connection' option in the 'list' command\n")
        #expect(Grammar.error("-L", "-c", "--stats") == "options conflicts in the list command\n")
    }

    @Test func setNeedsExactlyThreeValues() {
        #expect(Grammar.error("--set", "1", "2") == "--set option requires 3 timeout values\n")
        #expect(Grammar.error("--set", "1", "2", "3", "4") == "unexpected argument 4\n")
        #expect(Grammar.error("--set", "86400000", "2", "3") == "invalid timeout value `86400000' specified\n")
    }

    @Test func daemonStates() {
        #expect(Grammar.error("--start-daemon", "MASTER") == "illegal start-daemon parameter specified\n")
        #expect(Grammar.error("--stop-daemon", "bogus") == "illegal start_daemon specified\n")
        #expect(Grammar.error("--stop-daemon") == "Try `ipvsadm -h' or 'ipvsadm --help' for more information.\n")
    }

    @Test func daemonValues() {
        #expect(Grammar.error("--start-daemon", "master", "--syncid", "256") == "illegal syncid specified\n")
        #expect(Grammar.error("--start-daemon", "master", "--sync-maxlen", "65508") == "illegal sync-maxlen specified\n")
        #expect(Grammar.error("--start-daemon", "master", "--mcast-group", "192.0.2.1") == "invalid IPv4 mcast-group `192.0.2.1'\n")
        #expect(Grammar.error("--start-daemon", "master", "--mcast-group", "2001:db8::1") == "invalid IPv6 mcast-group `2001:db8::1'\n")
        #expect(Grammar.error("--start-daemon", "master", "--mcast-ttl", "256") == "illegal mcast-ttl specified\n")
        #expect(Grammar.error("--start-daemon", "master", "--mcast-port", "0") == "illegal mcast-port specified\n")
    }
}

/// Hostile input must be refused or accepted, never trap.
@Suite struct GrammarUntrustedInputTests {
    @Test func invalidUTF8IsRepeatedByteForByte() throws {
        let words: [[UInt8]] = [Array("-A".utf8), Array("-t".utf8), Array("192.0.2.1:80".utf8), [0xFF, 0xFE]]
        #expect(throws: ParseError.unexpectedArgument([0xFF, 0xFE])) { try Grammar.parse(bytes: words) }
        #expect(ParseError.unexpectedArgument([0xFF, 0xFE]).message(programName: []) == Array("unexpected argument ".utf8) + [0xFF, 0xFE, 0x0A])
    }

    @Test func megabyteArgumentsDoNotTrap() throws {
        let huge = [UInt8](repeating: UInt8(ascii: "9"), count: 1 << 20)
        for option in ["-w", "-x", "-p", "-f", "-t", "-M", "--tun-port", "--syncid"] {
            let words = [Array("-a".utf8), Array(option.utf8), huge]
            #expect(throws: ParseError.self) { try Grammar.parse(bytes: words) }
        }
        let command = try Grammar.parse(bytes: [Array("-A".utf8), Array("-t".utf8), Array("192.0.2.1:80".utf8), Array("-s".utf8), huge])
        guard case .addService(let service) = command else { Issue.record("not -A"); return }
        #expect(service.scheduler.utf8.count == 15)
    }

    @Test func nulBytesInsideWordsDoNotTrap() {
        #expect(throws: ParseError.self) { try Grammar.parse(bytes: [Array("-A".utf8), Array("-t".utf8), [0x31, 0, 0x32]]) }
    }
}

/// How `-R` splits its lines (observed with 1.31's restore in the VM).
@Suite struct RestoreLineTests {
    @Test func carriageReturnSeparatesButVerticalTabDoesNot() {
        #expect(RestoreLine.words(Array("-A -t 192.0.2.1:80\r-s rr".utf8)).count == 5)
        #expect(RestoreLine.words(Array("-A\u{0B}-t".utf8)) == [Array("-A\u{0B}-t".utf8)])
    }

    @Test func everyIpvsadmWordIsDropped() {
        #expect(RestoreLine.words(Array("  ipvsadm -A".utf8)) == [Array("-A".utf8)])
        #expect(RestoreLine.words(Array("-A ipvsadm -t".utf8)) == [Array("-A".utf8), Array("-t".utf8)])
        #expect(RestoreLine.words(Array("ipvsadm".utf8)).isEmpty)
    }

    @Test func nulEndsAWordButNotTheLine() {
        #expect(RestoreLine.words([0x2D, 0x41, 0, 0x20, 0x67]) == [Array("-A".utf8), Array("g".utf8)])
        #expect(RestoreLine.words([0]) == [[]])
    }

    @Test func quotesAreOrdinaryBytes() {
        #expect(RestoreLine.words(Array("-s \"r r\"".utf8)) == [Array("-s".utf8), Array("\"r".utf8), Array("r\"".utf8)])
    }
}
