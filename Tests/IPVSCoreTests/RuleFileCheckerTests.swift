import Testing
@testable import IPVSCore

/// check: what ipvsadm 1.31 -R and the 6.1 kernel refuse, as seen in the VM (Scripts/rules-corpus
/// compares the whole corpus with them), reported at LINE:COLUMN with 1.31's message.
@Suite struct RuleFileCheckerTests {
    typealias F = RuleSetFixtures

    @Test func aTableOfEveryKindIsValid() {
        #expect(F.check("-A -t 192.0.2.1:80 -s rr\n-a -t 192.0.2.1:80 -r 198.51.100.1 -m -w 2\n-A -f 3 -6\n").isValid)
    }

    @Test func blankLinesAndTheWordIpvsadmAreSkipped() {
        #expect(F.check("\n   \n\tipvsadm -A -t 192.0.2.1:80\nipvsadm\n").isValid)
    }

    @Test func unknownSchedulerIsBlamedOnItsName() {
        #expect(F.positions("-A -t 192.0.2.2:80\n-A -t 192.0.2.1:80 -s nosuch\n") == ["2:23"])
        #expect(F.messages("-A -t 192.0.2.1:80 -s nosuch\n") == ["Scheduler or persistence engine not found"])
    }

    @Test func twosIsNotInTheKernel() {
        #expect(!F.check("-A -t 192.0.2.1:80 -s twos\n").isValid)
    }

    @Test func noneIsTheKernelsOwnScheduler() {
        #expect(F.check("-A -t 192.0.2.1:80 -s none\n").isValid)
    }

    @Test func onlySipIsAPersistenceEngine() {
        #expect(F.check("-A -u 192.0.2.1:5060 -p 60 --pe sip\n").isValid)
        #expect(F.positions("-A -u 192.0.2.1:5060 -p 60 --pe nope\n") == ["1:33"])
    }

    @Test func serverBeforeItsServiceIsNotDefined() {
        #expect(F.messages("-a -t 192.0.2.1:80 -r 198.51.100.1\n-A -t 192.0.2.1:80\n") == ["Service not defined"])
    }

    @Test func duplicateServiceAndServer() {
        #expect(F.messages("-A -t 192.0.2.1:80\n-A -t 192.0.2.1:80 -s rr\n") == ["Service already exists"])
        #expect(F.positions("-A -f 1\n-a -f 1 -r 198.51.100.1\n-a -f 1 -r 198.51.100.1 -w 2\n") == ["3:12"])
    }

    @Test func fwmarkServicesOfEachFamilyAreDistinct() {
        #expect(F.check("-A -f 1\n-A -f 1 -6\n").isValid)
    }

    @Test func editAndDeleteOfAbsentThings() {
        let text = "-E -t 192.0.2.1:80\n-D -t 192.0.2.1:80\n-A -t 192.0.2.1:80\n-e -t 192.0.2.1:80 -r 198.51.100.1\n-d -t 192.0.2.1:80 -r 198.51.100.1\n-Z -u 192.0.2.1:80\n"
        #expect(F.messages(text) == ["No such service", "No such service", "No such destination", "No such destination", "No such service"])
    }

    @Test func directRoutingServersTakeTheServicePort() {
        #expect(F.messages("-A -t 192.0.2.1:80\n-a -t 192.0.2.1:80 -r 198.51.100.1:8080 -m\n-e -t 192.0.2.1:80 -r 198.51.100.1:8080 -g\n")
            == ["No such destination"])
    }

    @Test func lowerThresholdAboveUpperIsOutOfRange() {
        #expect(F.positions("-A -t 192.0.2.1:80\n-a -t 192.0.2.1:80 -r 198.51.100.1 -y 5\n") == ["2:39"])
        #expect(F.messages("-A -t 192.0.2.1:80\n-a -t 192.0.2.1:80 -r 198.51.100.1 -x 3 -y 5\n") == ["Numerical result out of range"])
        #expect(F.check("-A -t 192.0.2.1:80\n-a -t 192.0.2.1:80 -r 198.51.100.1 -x 5 -y 5\n").isValid)
    }

    @Test func realServerAddressesMustBeUnicast() {
        #expect(!KernelAddressRules.acceptsRealServer(IPAddress(ipv4: 0)))
        #expect(!KernelAddressRules.acceptsRealServer(IPAddress(ipv4: 0xFFFF_FFFF)))
        #expect(!KernelAddressRules.acceptsRealServer(IPAddress(ipv4: 0xE000_0001)))
        #expect(KernelAddressRules.acceptsRealServer(IPAddress(ipv4: 0xC633_6401)))
        #expect(!KernelAddressRules.acceptsRealServer(IPAddress(family: .inet6, high: 0xFE80_0000_0000_0000, low: 1)))
        #expect(!KernelAddressRules.acceptsRealServer(IPAddress(family: .inet6, high: 0xFF02_0000_0000_0000, low: 1)))
        #expect(!KernelAddressRules.acceptsRealServer(IPAddress(family: .inet6, high: 0, low: 0xFFFF_C000_0201)))
        #expect(KernelAddressRules.acceptsRealServer(IPAddress(family: .inet6, high: 0x2001_0DB8_0000_0000, low: 1)))
    }

    @Test func anotherFamilyOnlyThroughATunnelAndNotWhileSyncing() {
        #expect(F.check("-A -t 192.0.2.1:80\n-a -t 192.0.2.1:80 -r [2001:db8::5]:80 -i\n").isValid)
        #expect(F.messages("--start-daemon master --mcast-interface lo\n-A -t 192.0.2.1:80\n-a -t 192.0.2.1:80 -r [2001:db8::5]:80 -i\n")
            == ["Invalid operation.  Possibly wrong module version, address not unicast, ..."])
    }

    @Test func daemonsStartOnceAndStopOnlyWhenRunning() {
        #expect(F.messages("--start-daemon master --mcast-interface lo\n--start-daemon master --mcast-interface lo\n--stop-daemon backup\n")
            == ["Daemon has already run", "No daemon is running"])
    }

    @Test func daemonNeedsAnExistingInterface() {
        let checker = RuleFileChecker(resolver: NumericOnlyResolver(), interfaceExists: { $0 == "lo" })
        #expect(checker.check(Array("--start-daemon master\n".utf8)).diagnostics.map(\.message) == ["No such device"])
    }

    @Test func parseErrorsCarry131sMessageAndBlameTheirWord() {
        #expect(F.messages("-A -t 192.0.2.1:80 --bogus\n") == ["--bogus: unknown option"])
        #expect(F.positions("-A -t 192.0.2.1:80 --bogus\n") == ["1:20"])
        #expect(F.positions("-A -t 192.0.2.1:80\n-a -t 192.0.2.1:80 -r 198.51.100.1 -w 99999999999\n") == ["2:39"])
        #expect(F.positions("-A -f 0\n") == ["1:7"])
    }

    @Test func aLineStartingWithHashIsDroppedAsIpvsadmRestoreDrops() {
        #expect(F.check("# web\n-A -t 192.0.2.1:80\n#-a -t 192.0.2.1:80 -r 198.51.100.1\n").isValid)
    }

    @Test func anIndentedCommentReachesIpvsadmRAndIsRefusedWithWhy() {
        #expect(F.messages("-A -t 192.0.2.1:80\n  # web\n") == [
            "ipvsadm-restore strips only comment lines whose first character is #; ipvsadm -R refuses this indented one"])
        #expect(F.positions("-A -t 192.0.2.1:80\n\t# web\n") == ["2:2"])
    }

    @Test func aCommentAfterACommandIs131sErrorWithWhy() {
        #expect(F.messages("-A -t 192.0.2.1:80 # web\n") == [
            "unexpected argument # (a comment after a command is not stripped, by ipvsadm-restore or ipvsadm -R)"])
        #expect(F.positions("-A -t 192.0.2.1:80 # web\n") == ["1:20"])
    }

    @Test func bareJudgesACommentLineAsIpvsadmRRefusesIt() {
        let result = F.check("# web\n-A -t 192.0.2.1:80\n", reader: .bareRestore)
        #expect(result.diagnostics.map(\.message) == ["ipvsadm -R refuses comment lines; ipvsadm-restore strips them"])
        #expect(result.diagnostics.map { "\($0.line):\($0.column)" } == ["1:1"])
        #expect(result.diagnostics.first?.kind == .parse)
    }

    @Test func bareStopsWhere131StopsAtACommentLine() {
        let stops = F.check("# web\n", reader: .bareRestore).diagnostics.first?.stopsRestore
        let tryHelp = F.check("nonsense\n", reader: .bareRestore).diagnostics.first?.stopsRestore
        #expect(stops != nil && stops == tryHelp)
    }

    @Test func bareSaysOfAnIndentedCommentThatTheWrapperWouldNotStripItEither() {
        #expect(F.check("  # web\n", reader: .bareRestore).diagnostics.map(\.message) == [
            "ipvsadm -R refuses comment lines; ipvsadm-restore strips them only when # is the line's first character"])
    }

    @Test func blankLinesAreSkippedByEitherReader() {
        #expect(F.check("\n  \n-A -t 192.0.2.1:80\n\t\n", reader: .bareRestore).isValid)
        #expect(F.check("\n  \n-A -t 192.0.2.1:80\n\t\n").isValid)
    }

    @Test func everyProblemIsReportedAndARefusedLineChangesNothing() {
        let text = "-A -t 192.0.2.1:80 -s nosuch\n-a -t 192.0.2.1:80 -r 198.51.100.1\n-A -t 192.0.2.2:80 -x 1\n"
        #expect(F.positions(text).map { $0.split(separator: ":")[0] } == ["1", "2", "3"])
        #expect(F.check(text).diagnostics.map(\.kind) == [.kernel, .kernel, .parse])
    }

    @Test func restoreInsideAFileIsRefused() {
        #expect(F.check("-R\n").diagnostics.first?.stopsRestore == true)
    }

    @Test func helpEndsTheFileAs131Does() {
        #expect(F.check("-A -t 192.0.2.1:80\n-h\n-a -t 192.0.2.9:80 -r 198.51.100.1\n").isValid)
    }

    @Test func listingAnAbsentServiceIsRefused() {
        #expect(F.messages("-L -n -t 192.0.2.1:80\n") == ["No such service"])
    }

    @Test func linesBeyondTheTableAreNamedWithTheirOption() {
        let result = F.check("--set 10 20 30\n-A -t 192.0.2.1:80\n-Z\n--start-daemon master --mcast-interface lo\n-a -t 192.0.2.1:80 -r 198.51.100.1\n")
        #expect(result.isValid)
        #expect(result.beyondTheTable.map(\.line) == [1, 3, 4])
        #expect(result.beyondTheTable.map(\.option) == ["--set", "--zero", "--start-daemon"])
    }

    @Test func aRefusedLineIsNotNamedBeyondTheTable() {
        #expect(F.check("-Z -t 192.0.2.1:80\n").beyondTheTable.isEmpty)
    }
}
