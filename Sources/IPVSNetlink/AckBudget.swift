/// How many requests one datagram may carry so that the kernel can queue the ack of every one.
///
/// The kernel handles all messages of a datagram inside our send and queues one ack per message
/// before we read any. Each ack is a socket buffer of its own, and the receive buffer is charged
/// its truesize (allocation plus `struct sk_buff`), far more than the ack's bytes. An ack that
/// would take the charge to the receive buffer's size is dropped and the socket flagged ENOBUFS;
/// the request may or may not have been applied, and nothing tells which. So a datagram gets
/// only as many requests as the buffer holds acks for, counted with a bound that no kernel
/// configuration exceeds.
struct AckBudget {
    /// The receive buffer the kernel granted (getsockopt SO_RCVBUF: twice what was asked,
    /// capped at net.core.rmem_max).
    let receiveBuffer: Int
    /// Whether a refusal's ack leaves the request out (NETLINK_CAP_ACK took effect).
    let errorsCapped: Bool
    /// The bounds of the acks admitted so far.
    private(set) var charged = 0
    /// How many acks admitted so far.
    private(set) var count = 0

    init(receiveBuffer: Int, errorsCapped: Bool) {
        self.receiveBuffer = receiveBuffer
        self.errorsCapped = errorsCapped
    }

    /// Counts one more request of `length` bytes if the buffer still holds its ack with the
    /// others'; false (counting nothing) when it would not. The first request of a datagram is
    /// always sent, so callers ignore a false for it: the kernel queues an ack into an empty
    /// buffer whatever its size.
    mutating func admit(requestLength length: Int) -> Bool {
        let bound = Self.chargeBound(requestLength: length, errorsCapped: errorsCapped)
        // The kernel refuses an ack once the charge, the new ack's included, reaches the buffer
        // size (newer kernels; older ones compared the charge before it), so stay strictly below.
        guard charged + bound < receiveBuffer else { return false }
        charged += bound
        count += 1
        return true
    }

    /// The most an ack to a request of `length` bytes can cost the receive buffer.
    ///
    /// The ack is `struct nlmsgerr` (20 bytes: errno and the request's header), plus the whole
    /// request when it reports an error and errors are not capped, behind a 16-byte header. The
    /// kernel allocates that rounded to a cache line plus `struct skb_shared_info` from a slab
    /// whose size is at most the next power of two, and charges the slab size plus
    /// `struct sk_buff`. Measured on the test bed's 6.1 kernel (x86-64) an ack costs 768; the
    /// bound takes skb_shared_info and sk_buff at their largest plausible size so that it holds
    /// for other configurations too (up to 45 fragments, debugging options), and it is 1536.
    static func chargeBound(requestLength length: Int, errorsCapped: Bool) -> Int {
        let payload = errorBody + (errorsCapped ? 0 : max(0, length))
        let message = aligned(headerLength + payload, to: 4)
        let allocation = powerOfTwo(atLeast: aligned(message, to: cacheLine) + sharedInfoBound)
        return allocation + socketBufferBound
    }

    /// How many requests of `length` bytes fit one datagram, at least one and at most `limit`.
    static func requestsPerDatagram(receiveBuffer: Int, requestLength length: Int, errorsCapped: Bool,
                                    limit: Int) -> Int {
        var budget = AckBudget(receiveBuffer: receiveBuffer, errorsCapped: errorsCapped)
        while budget.count < limit && budget.admit(requestLength: length) {}
        return max(1, min(limit, budget.count))
    }

    static let headerLength = 16
    static let errorBody = 20
    static let cacheLine = 64
    /// `struct skb_shared_info` is 320 bytes on x86-64 with 17 fragments; 768 allows 45.
    static let sharedInfoBound = 768
    /// `struct sk_buff` is 232 bytes on x86-64 (256 cache-aligned); 512 leaves room for debug fields.
    static let socketBufferBound = 512

    private static func aligned(_ value: Int, to alignment: Int) -> Int {
        (value + alignment - 1) / alignment * alignment
    }

    private static func powerOfTwo(atLeast value: Int) -> Int {
        var power = 1
        while power < value { power <<= 1 }
        return power
    }
}
