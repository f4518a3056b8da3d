internal import CIPVSShim
import IPVSCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Owns one libnl `nl_sock` connected to generic netlink, and the IPVS family id resolved on it.
///
/// Requests go out as datagrams of one or more messages; replies are matched back by sequence
/// number, so a batch costs one send however many requests it holds.
final class NetlinkSocket {
    /// Owns the raw socket alone, so that a failure later in `NetlinkSocket.init` still frees it.
    private final class Handle {
        let pointer: OpaquePointer
        init() throws { pointer = try LibNL.allocateSocket() }
        deinit { LibNL.freeSocket(pointer) }
    }

    private let handle: Handle
    /// The generic-netlink id of the "IPVS" family.
    let family: Int32

    /// Most requests sent in one datagram; fewer when the receive buffer holds fewer acks
    /// (`AckBudget`), and halved if the kernel's buffers still prove too small.
    var batchLimit = 128

    /// Receive and send buffer asked for; the kernel grants at most twice net.core.rmem_max.
    static let bufferSize: Int32 = 1 << 20

    /// The receive buffer granted, as the kernel counts it against queued acks.
    let receiveBuffer: Int
    /// Whether refusals' acks leave out the request (NETLINK_CAP_ACK).
    let errorsCapped: Bool

    /// Connects and resolves the IPVS family, loading the ip_vs module once if it is missing.
    init() throws {
        handle = try Handle()
        errorsCapped = try LibNL.connect(handle.pointer, bufferSize: Self.bufferSize)
        // Unreadable only on a broken socket; then nothing is assumed and each datagram holds one.
        receiveBuffer = LibNL.receiveBufferSize(handle.pointer) ?? 0
        if let family = try LibNL.resolveFamily(handle.pointer, name: CIPVS_GENL_NAME) {
            self.family = family
        } else if ModuleLoader.loadIPVS(), let family = try LibNL.resolveFamily(handle.pointer, name: CIPVS_GENL_NAME) {
            self.family = family
        } else {
            throw ClientError.familyUnavailable
        }
    }

    /// A new request message for this socket's family.
    func message(_ command: cipvs_command, flags: Int32 = 0) throws -> NetlinkMessage {
        try NetlinkMessage(family: family, command: command, flags: flags)
    }

    /// Numbers the messages and sends them as one datagram; returns their sequence numbers, or
    /// nil when the datagram was too large for the socket's send buffer and nothing was sent.
    func send(_ messages: [NetlinkMessage]) throws -> [UInt32]? {
        var datagram: [UInt8] = []
        var sequences: [UInt32] = []
        for message in messages {
            sequences.append(LibNL.complete(message.pointer, on: handle.pointer))
            datagram += LibNL.bytes(of: message.pointer)
            // Messages start on 4-byte boundaries (NLMSG_ALIGN).
            while datagram.count % 4 != 0 { datagram.append(0) }
        }
        return try LibNL.send(handle.pointer, datagram) ? sequences : nil
    }

    /// The replies of one datagram; `.overrun` when the kernel had to drop some; `.nothing` when
    /// none came within `milliseconds`.
    func receive(waitingAtMost milliseconds: Int32?) throws -> LibNL.Received {
        try LibNL.receive(handle.pointer, waitingAtMost: milliseconds)
    }

    /// How long to wait for an answer that should already be queued.
    ///
    /// The kernel handles a request, and builds each part of a dump, while the request is being
    /// sent or the previous part read, so answers are queued by the time we look. The one answer
    /// that never comes is the ack of a request the kernel gave up on with EINTR: netlink sends no
    /// ack for that errno (seen when a sync daemon is stopped before its thread first ran, where
    /// kthread_stop reports -EINTR). Waiting forever would hang the caller, so after this long
    /// the request is reported as refused with EINTR.
    static let answerTimeout: Int32 = 5000

    /// What one request brought back: the family's messages, each decoded as it arrived, and how
    /// many datagrams carried them.
    struct Answer<Value> {
        var values: [Value]
        /// A dump answered in one datagram was built in one go under the kernel's IPVS mutex, so it
        /// is consistent; one spread over several may be torn by a change between them.
        var datagrams: Int
    }

    /// Sends one request and decodes the family's messages answering it, until its ack (or, for a
    /// dump, its done). Each message is decoded in place as its datagram arrives; no reply is
    /// kept. A refusal throws `KernelError`; a dump marked interrupted is repeated.
    func exchange<Value>(
        _ build: () throws -> NetlinkMessage, operation: IPVSOperation, dump: Bool,
        decode: (UnsafeRawBufferPointer) throws -> Value
    ) throws -> Answer<Value> {
        // The kernel marks a dump interrupted when the table changed under it; ipvsadm would print
        // a torn table, so ask again a bounded number of times.
        for _ in 0..<Self.dumpAttempts {
            let message = try build()
            guard let sequences = try send([message]) else { throw LibNL.messageTooLarge }
            guard let sequence = sequences.first else { return Answer(values: [], datagrams: 0) }
            var answer = Answer<Value>(values: [], datagrams: 0)
            var interrupted = false
            var finished = false
            let familyType = UInt16(truncatingIfNeeded: family)
            let acknowledgement = UInt16(CIPVS_NLMSG_ERROR.rawValue)
            let done = UInt16(CIPVS_NLMSG_DONE.rawValue)
            let interruptedFlag = UInt16(CIPVS_NLM_F_DUMP_INTR.rawValue)
            while !finished {
                let datagram: [UInt8]
                switch try receive(waitingAtMost: Self.answerTimeout) {
                case .datagram(let received): datagram = received
                case .overrun: throw ClientError.malformedReply("receive buffer overrun during a single request")
                case .nothing:
                    if answer.values.isEmpty { throw KernelError(operation: operation, errno: EINTR) }
                    throw ClientError.malformedReply("the kernel stopped answering part-way through a dump")
                }
                var carried = false
                try datagram.withUnsafeBytes { buffer in
                    try LibNL.forEachMessage(in: buffer) { header, bytes in
                        guard header.sequence == sequence else { return }
                        if header.type == acknowledgement || header.type == done {
                            if header.error != 0 { throw KernelError(operation: operation, errno: header.error) }
                            finished = true
                        } else if header.type == familyType {
                            if header.flags & interruptedFlag != 0 { interrupted = true }
                            answer.values.append(try decode(bytes))
                            carried = true
                        }
                    }
                }
                if carried { answer.datagrams += 1 }
            }
            if !interrupted { return answer }
        }
        throw ClientError.malformedReply("dump interrupted \(Self.dumpAttempts) times in a row")
    }

    static let dumpAttempts = 10
}
