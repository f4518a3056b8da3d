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

    /// Sends one request and collects the family's messages answering it, until its ack (or, for
    /// a dump, its done). A refusal throws `KernelError`; an interrupted dump is repeated.
    func exchange(_ build: () throws -> NetlinkMessage, operation: IPVSOperation, dump: Bool) throws -> [ReplyMessage] {
        // The kernel marks a dump interrupted when the table changed under it; ipvsadm would print
        // a torn table, so ask again a bounded number of times.
        for _ in 0..<Self.dumpAttempts {
            let message = try build()
            guard let sequences = try send([message]) else { throw LibNL.messageTooLarge }
            guard let sequence = sequences.first else { return [] }
            var answers: [ReplyMessage] = []
            var interrupted = false
            var finished = false
            while !finished {
                let datagram: [UInt8]
                switch try receive(waitingAtMost: Self.answerTimeout) {
                case .datagram(let received): datagram = received
                case .overrun: throw ClientError.malformedReply("receive buffer overrun during a single request")
                case .nothing:
                    if answers.isEmpty { throw KernelError(operation: operation, errno: EINTR) }
                    throw ClientError.malformedReply("the kernel stopped answering part-way through a dump")
                }
                for reply in try LibNL.messages(in: datagram) where reply.sequence == sequence {
                    if reply.isAcknowledgement || reply.isDone {
                        if reply.error != 0 { throw KernelError(operation: operation, errno: reply.error) }
                        finished = true
                    } else if reply.type == UInt16(truncatingIfNeeded: family) {
                        if reply.dumpWasInterrupted { interrupted = true }
                        answers.append(reply)
                    }
                }
            }
            if !interrupted { return answers }
        }
        throw ClientError.malformedReply("dump interrupted \(Self.dumpAttempts) times in a row")
    }

    static let dumpAttempts = 10
}
