import Testing
@testable import IPVSCore

/// Which commands `-R` may queue as pipelined requests, and which must wait for the queue.
@Suite struct CommandRequestTests {
    let vip = ServiceKey.address(.tcp, Grammar.ipv4("192.0.2.1"), port: 80)

    @Test func deleteServerSendsOnlyTheServersAddressAndPort() throws {
        let command = try Grammar.parse("-d", "-t", "192.0.2.1:80", "-r", "198.51.100.1:8080")
        #expect(command.request == .deleteRealServer(vip, address: Grammar.ipv4("198.51.100.1"), port: 8080))
    }

    @Test func clearIsOneFlushRequest() throws {
        #expect(try Grammar.parse("-C").request == .flush)
    }

    @Test(arguments: [
        ["-A", "-t", "192.0.2.1:80"], ["-E", "-t", "192.0.2.1:80", "-s", "rr"], ["-D", "-t", "192.0.2.1:80"],
        ["-a", "-t", "192.0.2.1:80", "-r", "198.51.100.1"], ["-e", "-t", "192.0.2.1:80", "-r", "198.51.100.1", "-w", "2"],
        ["-Z"], ["--set", "1", "2", "3"], ["--stop-daemon", "master"],
    ])
    func changesAreOneRequestEach(_ words: [String]) throws {
        #expect(try Grammar.parser.parse(words).request != nil)
    }

    @Test(arguments: [["-L", "-n"], ["-S", "-n"], ["-l", "-c"], ["-L", "--daemon"], ["-R"], ["-h"], ["--version"], []])
    func readingOrPrintingCommandsAreNotQueued(_ words: [String]) throws {
        #expect(try Grammar.parser.parse(words).request == nil)
    }
}
