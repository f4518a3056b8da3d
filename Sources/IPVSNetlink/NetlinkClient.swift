internal import CIPVSShim
import IPVSCore

/// The kernel's IPVS, reached over generic netlink.
///
/// One client holds one netlink socket and resolves the IPVS family once. It is not safe to use
/// from several threads at once: replies are matched to requests on the shared socket.
public final class NetlinkClient: IPVSClient {
    private let socket: NetlinkSocket

    /// Opens the socket and finds the IPVS family, loading the ip_vs module once if it is missing.
    ///
    /// Throws `ClientError.familyUnavailable` when the kernel has no IPVS, and
    /// `ClientError.netlink` when netlink itself fails.
    public init() throws {
        socket = try NetlinkSocket()
    }

    /// The most requests `performBatch` puts in one datagram; a datagram carries fewer when the
    /// receive buffer holds fewer acks, and the limit shrinks if the kernel's buffers still prove
    /// too small.
    public var batchLimit: Int {
        get { socket.batchLimit }
        set { socket.batchLimit = max(1, newValue) }
    }

    /// The receive buffer the kernel granted this client's socket (bytes of truesize), which
    /// sizes `performBatch`'s datagrams.
    public var receiveBuffer: Int { socket.receiveBuffer }

    public func info() throws -> IPVSInfo {
        let answer = try socket.exchange({ try socket.message(CIPVS_CMD_GET_INFO, flags: Self.ack) },
                                         operation: .getInfo, dump: false) { try IPVSInfo(kernel: LibNL.parseInfo($0)) }
        guard let info = answer.values.first else { throw ClientError.malformedReply("no answer to GET_INFO") }
        return info
    }

    public func services() throws -> [VirtualService] {
        Array(try serviceList(statistics: true))
    }

    /// The service dump, read until two dumps in a row agree when it spans several datagrams.
    ///
    /// IPVS resumes a dump by position and never marks it interrupted (`NLM_F_DUMP_INTR`), so a
    /// service added or deleted between two datagrams shifts the rest and one is skipped or
    /// repeated: a torn table. One datagram is built under the kernel's mutex and is whole.
    /// Only the first dump's digest is kept while the next is read, so memory is one list.
    public func serviceList(statistics: Bool) throws -> ServiceList {
        var previousDigest: UInt64?
        var readings = 0
        while true {
            let (list, datagrams) = try readServiceDump(statistics: statistics)
            readings += 1
            // Still changing after every attempt: print the last reading, as 1.31 prints its only one.
            if datagrams <= 1 || previousDigest == list.keyDigest || readings > Self.agreementAttempts { return list }
            previousDigest = list.keyDigest
        }
    }

    private func readServiceDump(statistics: Bool) throws -> (list: ServiceList, datagrams: Int) {
        var list = ServiceList(statistics: statistics)
        let answer = try socket.exchange({ try socket.message(CIPVS_CMD_GET_SERVICE, flags: Self.dump) },
                                         operation: .getServices, dump: true) { bytes in
            list.append(try VirtualService(kernel: LibNL.parseService(bytes)))
        }
        return (list, answer.datagrams)
    }

    public func service(_ key: ServiceKey) throws -> VirtualService {
        let answer = try socket.exchange({
            let message = try socket.message(CIPVS_CMD_GET_SERVICE, flags: Self.ack)
            try message.put(cipvs_service(key: key))
            return message
        }, operation: .getService, dump: false) { try VirtualService(kernel: LibNL.parseService($0)) }
        guard let service = answer.values.first else {
            throw ClientError.malformedReply("no answer to GET_SERVICE")
        }
        return service
    }

    /// The real servers of a service. The kernel answers a dump for a missing service with an
    /// empty list, not an error; ask `service(_:)` first to tell the two apart. A dump spread
    /// over several datagrams is read until two in a row agree, as the service dump is.
    public func realServers(of key: ServiceKey) throws -> [RealServer] {
        var previous: [RealServer]?
        for _ in 0...Self.agreementAttempts {
            let answer = try socket.exchange({
                let message = try socket.message(CIPVS_CMD_GET_DEST, flags: Self.dump)
                try message.put(cipvs_service(key: key))
                return message
            }, operation: .getRealServers, dump: true) {
                try RealServer(kernel: LibNL.parseDestination($0), serviceFamily: key.family)
            }
            if answer.datagrams <= 1 { return answer.values }
            if let previous, Self.sameDestinations(previous, answer.values) { return answer.values }
            previous = answer.values
        }
        return previous ?? []
    }

    private static func sameDestinations(_ lhs: [RealServer], _ rhs: [RealServer]) -> Bool {
        lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { $0.address == $1.address && $0.port == $1.port }
    }

    /// Dumps read before giving up on two in a row agreeing.
    static let agreementAttempts = 8

    public func timeouts() throws -> Timeouts {
        let answer = try socket.exchange({ try socket.message(CIPVS_CMD_GET_CONFIG, flags: Self.ack) },
                                         operation: .getTimeouts, dump: false) { try Timeouts(kernel: LibNL.parseConfig($0)) }
        guard let timeouts = answer.values.first else { throw ClientError.malformedReply("no answer to GET_CONFIG") }
        return timeouts
    }

    public func daemons() throws -> [SyncDaemon] {
        try socket.exchange({ try socket.message(CIPVS_CMD_GET_DAEMON, flags: Self.dump) },
                            operation: .getDaemons, dump: true) { try SyncDaemon(kernel: LibNL.parseDaemon($0)) }.values
    }

    public func perform(_ request: IPVSRequest) throws {
        _ = try socket.exchange({ try request.message(on: socket) }, operation: request.operation, dump: false) { _ in () }
    }

    /// Pipelined: many requests per datagram, acks matched back by sequence number.
    public func performBatch(_ requests: [IPVSRequest]) throws -> [Result<Void, KernelError>] {
        try socket.perform(requests)
    }

    private static let ack = Int32(CIPVS_NLM_F_ACK.rawValue)
    private static let dump = Int32(CIPVS_NLM_F_DUMP.rawValue)
}
