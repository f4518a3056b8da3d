import Testing
@testable import IPVSCore

/// `--json`, our one option beyond 1.31's grammar: taken by `-L` (every variant) and `-S`, refused by
/// every other command with 1.31's "Illegal … option" message, and checked after 1.31's options.
@Suite struct GrammarJSONOptionTests {
    private func listRequest(_ words: String...) throws -> ListRequest? {
        guard case .list(let request) = try Grammar.parser.parse(words) else { return nil }
        return request
    }

    private func error(_ words: [String]) -> String? {
        do {
            _ = try Grammar.parser.parse(words)
            return nil
        } catch {
            return String(decoding: error.message(programName: Array("ipvsadm".utf8)), as: UTF8.self)
        }
    }

    @Test func listTakesJSON() throws {
        let request = try #require(try listRequest("-L", "--json"))
        #expect(request.content == .services)
        #expect(request.options.json)
    }

    @Test func listIsTextWithoutJSON() throws {
        #expect(try #require(try listRequest("-L")).options.json == false)
    }

    @Test func oneServiceListingTakesJSON() throws {
        let request = try #require(try listRequest("-L", "-t", "192.0.2.1:80", "--json"))
        #expect(request.service == .address(.tcp, Grammar.ipv4("192.0.2.1"), port: 80))
        #expect(request.options.json)
    }

    @Test(arguments: [("--timeout", ListRequest.Content.timeouts), ("--daemon", .daemons), ("-c", .connections)])
    func everyListVariantTakesJSON(_ option: String, _ content: ListRequest.Content) throws {
        let request = try #require(try listRequest("-L", option, "--json"))
        #expect(request.content == content)
        #expect(request.options.json)
    }

    @Test(arguments: ["--stats", "--rate", "--thresholds", "--persistent-conn", "--exact", "--tun-info", "-n", "--nosort"])
    func listingOptionsAreAcceptedWithJSON(_ option: String) throws {
        #expect(try #require(try listRequest("-L", "--json", option)).options.json)
    }

    @Test func saveTakesJSON() throws {
        #expect(try Grammar.parse("-S", "--json") == .save(numeric: false, json: true))
    }

    @Test func saveIsTextWithoutJSON() throws {
        #expect(try Grammar.parse("-S", "-n") == .save(numeric: true, json: false))
    }

    @Test(arguments: [
        (["-A", "-t", "192.0.2.1:80"], "add-service"),
        (["-a", "-t", "192.0.2.1:80", "-r", "192.0.2.2"], "add-server"),
        (["-D", "-t", "192.0.2.1:80"], "delete-service"),
        (["-Z"], "zero"),
        (["-C"], "flush"),
        (["--set", "1", "2", "3"], "set"),
        (["--start-daemon", "master"], "start-daemon"),
        (["--stop-daemon", "master"], "stop-daemon"),
    ])
    func otherCommandsRefuseJSONAsAnIllegalOption(_ words: [String], _ command: String) {
        let message = error(words + ["--json"])
        #expect(message == "Illegal 'json' option with the '\(command)' command\n")
    }

    @Test func jsonIsCheckedAfterTheOptionsOf131() {
        #expect(Grammar.error("-A", "-t", "192.0.2.1:80", "--json", "--stats")
            == "Illegal 'stats' option with the 'add-service' command\n")
    }

    @Test func repeatedJSONIsAMultipleOption() {
        #expect(Grammar.error("-L", "--json", "--json") == "multiple 'json' options specified\n")
    }

    @Test func jsonDoesNotLiftListConflicts() {
        #expect(Grammar.error("-L", "-c", "--stats", "--json") == "options conflicts in the list command\n")
    }

    @Test func jsonTakesNoValue() {
        #expect(Grammar.error("-L", "--json=yes") != nil)
    }

    @Test func jsonIsNotACommand() {
        #expect(Grammar.error("--json") == Grammar.error("--stats"))
    }
}
