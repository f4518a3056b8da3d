import IPVSCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

extension NetlinkSocket {
    /// Applies requests without a round trip each: several messages go out in one datagram, the
    /// kernel handles them in order (a refusal does not stop the rest) and acks each, and the
    /// acks are matched back to their requests by sequence number.
    ///
    /// The kernel queues every ack of a datagram during the send, before we read any, and drops
    /// those that do not fit the receive buffer. So a datagram carries only as many requests as
    /// the buffer holds acks for (`AckBudget`, from the size the kernel granted), and at most
    /// `batchLimit`: 128 with the usual buffers, as few as one with a tiny net.core.rmem_max.
    ///
    /// Two fallbacks remain for limits that sizing does not foresee, each also shrinking
    /// `batchLimit`: a datagram larger than the send buffer (EMSGSIZE, nothing sent) is split in
    /// half and resent; and if acks still overflow the receive buffer (ENOBUFS) the dropped ones
    /// never come, so those requests, applied or not, are reported as `KernelError` with errno
    /// ENOBUFS and later datagrams carry half as many.
    func perform(_ requests: [IPVSRequest]) throws -> [Result<Void, KernelError>] {
        var results: [Result<Void, KernelError>] = []
        results.reserveCapacity(requests.count)
        var start = requests.startIndex
        // Built for a datagram that had no room left for it: the first of the next one.
        var carried: NetlinkMessage?
        while start < requests.endIndex {
            var budget = AckBudget(receiveBuffer: receiveBuffer, errorsCapped: errorsCapped)
            var messages: [NetlinkMessage] = []
            var end = start
            while end < requests.endIndex && messages.count < batchLimit {
                let message: NetlinkMessage
                if let built = carried {
                    message = built
                    carried = nil
                } else {
                    message = try requests[end].message(on: self)
                }
                // The first ack always fits: the kernel queues one into an empty buffer.
                guard budget.admit(requestLength: LibNL.length(of: message.pointer)) || messages.isEmpty else {
                    carried = message
                    break
                }
                messages.append(message)
                end += 1
            }
            guard let sequences = try send(messages) else {
                guard messages.count > 1 else { throw LibNL.messageTooLarge }
                batchLimit = max(1, messages.count / 2)
                carried = nil
                continue
            }
            let (answers, overran) = try collectAcks(for: sequences)
            if overran { batchLimit = max(1, messages.count / 2) }
            for (offset, request) in requests[start..<end].enumerated() {
                let errno = answers[offset] ?? ENOBUFS
                results.append(errno == 0 ? .success(()) : .failure(KernelError(operation: request.operation, errno: errno)))
            }
            start = end
        }
        return results
    }

    /// Reads acks until every sequence has one, or until no more come. Returns each sequence's
    /// errno (0 for success; EINTR when never acked; nil when its ack was dropped in an overrun).
    private func collectAcks(for sequences: [UInt32]) throws -> (errnos: [Int32?], overran: Bool) {
        var position: [UInt32: Int] = [:]
        for (offset, sequence) in sequences.enumerated() { position[sequence] = offset }
        var errnos = [Int32?](repeating: nil, count: sequences.count)
        var outstanding = sequences.count
        var overran = false
        while outstanding > 0 {
            switch try receive(waitingAtMost: overran ? 0 : Self.answerTimeout) {
            case .datagram(let datagram):
                for reply in try LibNL.messages(in: datagram) where reply.isAcknowledgement {
                    guard let offset = position[reply.sequence], errnos[offset] == nil else { continue }
                    errnos[offset] = reply.error
                    outstanding -= 1
                }
            case .overrun:
                overran = true
            case .nothing:
                // After an overrun the rest were dropped; otherwise they were refused with EINTR,
                // which netlink never acks (see `answerTimeout`).
                if !overran {
                    for offset in errnos.indices where errnos[offset] == nil { errnos[offset] = EINTR }
                }
                return (errnos, overran)
            }
        }
        return (errnos, overran)
    }
}
