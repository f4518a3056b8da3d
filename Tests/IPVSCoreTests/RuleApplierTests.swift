import Testing
@testable import IPVSCore

/// apply: changes made one by one; a refusal midway undoes what was done, newest first.
@Suite struct RuleApplierTests {
    typealias F = RuleSetFixtures

    /// A kernel in memory: the RuleTable model, refusing the request numbered `refuse` (0-based).
    final class ModelClient: IPVSClient {
        var table: RuleTable
        var refuse: Int?
        var performed: [IPVSRequest] = []

        init(_ table: RuleTable, refuse: Int? = nil) {
            self.table = table
            self.refuse = refuse
        }

        func info() throws -> IPVSInfo { throw KernelError(operation: .getInfo, errno: 95) }
        func services() throws -> [VirtualService] { table.services }
        func service(_ key: ServiceKey) throws -> VirtualService {
            guard let service = table.service(key) else { throw KernelError(operation: .getService, errno: 3) }
            return service
        }
        func realServers(of key: ServiceKey) throws -> [RealServer] { table.realServers(of: key) }
        func timeouts() throws -> Timeouts { Timeouts(tcp: 900, tcpFin: 120, udp: 300) }
        func daemons() throws -> [SyncDaemon] { [] }
        func perform(_ request: IPVSRequest) throws {
            defer { performed.append(request) }
            if performed.count == refuse { throw KernelError(operation: request.operation, errno: KernelErrno.noEntry) }
            table.record(request)
        }
    }

    static let old = "-A -t 192.0.2.1:80 -s rr\n-a -t 192.0.2.1:80 -r 198.51.100.1 -m -w 1\n-a -t 192.0.2.1:80 -r 198.51.100.2 -m\n-A -u 192.0.2.1:53\n"
    static let new = "-A -t 192.0.2.1:80 -s wrr\n-a -t 192.0.2.1:80 -r 198.51.100.1 -m -w 4\n-a -t 192.0.2.1:80 -r 198.51.100.3 -m\n-A -f 9\n"

    @Test func anApplyMakesTheTableTheFilesTable() throws {
        let client = ModelClient(F.table(Self.old))
        let applier = RuleApplier(client: client)
        let requests = RuleTableDiff.requests(from: try applier.liveTable(), to: F.table(Self.new))
        #expect(try applier.apply(requests, on: applier.liveTable()) == .applied(requests))
        #expect(F.fmt(client.table) == F.fmt(F.table(Self.new)))
    }

    @Test(arguments: 0..<6)
    func aRefusalAtAnyStepLeavesTheTableAsItWas(step: Int) throws {
        let client = ModelClient(F.table(Self.old), refuse: step)
        let applier = RuleApplier(client: client)
        let live = try applier.liveTable()
        let requests = RuleTableDiff.requests(from: live, to: F.table(Self.new))
        #expect(requests.count == 6)
        guard case .rolledBack(let refused, _, let done) = try applier.apply(requests, on: live) else {
            Issue.record("not rolled back")
            return
        }
        #expect(refused == requests[step])
        #expect(done.count == step)
        #expect(F.fmt(client.table) == F.fmt(F.table(Self.old)))
        #expect(client.table.realServers(of: client.table.services[0].key).map(\.weight).sorted() == [1, 1])
    }

    @Test func theObserverIsToldEachRequestJustBeforeItIsMade() throws {
        let client = ModelClient(F.table(Self.old))
        var seen: [(index: Int, madeBefore: Int)] = []
        let applier = RuleApplier(client: client) { index in seen.append((index, client.performed.count)) }
        let live = try applier.liveTable()
        let requests = RuleTableDiff.requests(from: live, to: F.table(Self.new))
        _ = try applier.apply(requests, on: live)
        #expect(seen.map(\.index) == Array(0..<requests.count))
        #expect(seen.map(\.madeBefore) == Array(0..<requests.count))
    }

    @Test func theObserverIsNotToldTheUndo() throws {
        let client = ModelClient(F.table(Self.old), refuse: 2)
        var seen: [Int] = []
        let applier = RuleApplier(client: client) { seen.append($0) }
        let live = try applier.liveTable()
        _ = try applier.apply(RuleTableDiff.requests(from: live, to: F.table(Self.new)), on: live)
        #expect(seen == [0, 1, 2])
        #expect(client.performed.count == 5)  // three tried, two undone
    }
}
