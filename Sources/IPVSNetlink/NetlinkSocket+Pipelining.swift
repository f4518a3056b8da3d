import IPVSCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

extension NetlinkSocket {
    /// Applies requests without a round trip each: up to `batchLimit` messages go out in one
    /// datagram, the kernel handles them in order (a refusal does not stop the rest) and acks
    /// each, and the acks are matched back to their requests by sequence number.
    ///
    /// Two limits are learnt on the way and kept in `batchLimit`: a datagram larger than the send
    /// buffer (EMSGSIZE, nothing sent) is split in half and resent; and when the acks overflow
    /// the receive buffer (ENOBUFS) the kernel has dropped some. The kernel answers a datagram
    /// while it is being sent, so once the queue is drained the missing acks will never come:
    /// those requests are reported as `KernelError` with errno ENOBUFS (applied or not, unknown)
    /// and later datagrams are made smaller.
    func perform(_ requests: [IPVSRequest]) throws -> [Result<Void, KernelError>] {
        var results: [Result<Void, KernelError>] = []
        results.reserveCapacity(requests.count)
        var start = requests.startIndex
        while start < requests.endIndex {
            let end = min(start + batchLimit, requests.endIndex)
            let chunk = requests[start..<end]
            let messages = try chunk.map { try $0.message(on: self) }
            guard let sequences = try send(messages) else {
                guard chunk.count > 1 else { throw LibNL.messageTooLarge }
                batchLimit = max(1, chunk.count / 2)
                continue
            }
            let (answers, overran) = try collectAcks(for: sequences)
            if overran { batchLimit = max(1, chunk.count / 2) }
            for (offset, request) in chunk.enumerated() {
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
