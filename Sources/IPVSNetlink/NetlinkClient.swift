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
        let replies = try socket.exchange({ try socket.message(CIPVS_CMD_GET_INFO, flags: Self.ack) },
                                          operation: .getInfo, dump: false)
        guard let reply = replies.first else { throw ClientError.malformedReply("no answer to GET_INFO") }
        return try IPVSInfo(kernel: LibNL.parseInfo(reply.bytes))
    }

    public func services() throws -> [VirtualService] {
        let replies = try socket.exchange({ try socket.message(CIPVS_CMD_GET_SERVICE, flags: Self.dump) },
                                          operation: .getServices, dump: true)
        return try replies.map { try VirtualService(kernel: LibNL.parseService($0.bytes)) }
    }

    public func service(_ key: ServiceKey) throws -> VirtualService {
        let replies = try socket.exchange({
            let message = try socket.message(CIPVS_CMD_GET_SERVICE, flags: Self.ack)
            try message.put(cipvs_service(key: key))
            return message
        }, operation: .getService, dump: false)
        guard let reply = replies.first else {
            throw ClientError.malformedReply("no answer to GET_SERVICE")
        }
        return try VirtualService(kernel: LibNL.parseService(reply.bytes))
    }

    /// The real servers of a service. The kernel answers a dump for a missing service with an
    /// empty list, not an error; ask `service(_:)` first to tell the two apart.
    public func realServers(of key: ServiceKey) throws -> [RealServer] {
        let replies = try socket.exchange({
            let message = try socket.message(CIPVS_CMD_GET_DEST, flags: Self.dump)
            try message.put(cipvs_service(key: key))
            return message
        }, operation: .getRealServers, dump: true)
        return try replies.map { try RealServer(kernel: LibNL.parseDestination($0.bytes), serviceFamily: key.family) }
    }

    public func timeouts() throws -> Timeouts {
        let replies = try socket.exchange({ try socket.message(CIPVS_CMD_GET_CONFIG, flags: Self.ack) },
                                          operation: .getTimeouts, dump: false)
        guard let reply = replies.first else { throw ClientError.malformedReply("no answer to GET_CONFIG") }
        return try Timeouts(kernel: LibNL.parseConfig(reply.bytes))
    }

    public func daemons() throws -> [SyncDaemon] {
        let replies = try socket.exchange({ try socket.message(CIPVS_CMD_GET_DAEMON, flags: Self.dump) },
                                          operation: .getDaemons, dump: true)
        return try replies.map { try SyncDaemon(kernel: LibNL.parseDaemon($0.bytes)) }
    }

    public func perform(_ request: IPVSRequest) throws {
        _ = try socket.exchange({ try request.message(on: socket) }, operation: request.operation, dump: false)
    }

    /// Pipelined: many requests per datagram, acks matched back by sequence number.
    public func performBatch(_ requests: [IPVSRequest]) throws -> [Result<Void, KernelError>] {
        try socket.perform(requests)
    }

    private static let ack = Int32(CIPVS_NLM_F_ACK.rawValue)
    private static let dump = Int32(CIPVS_NLM_F_DUMP.rawValue)
}
