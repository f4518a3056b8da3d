internal import CIPVSShim

/// One netlink message from the kernel, copied out of the datagram it arrived in.
struct ReplyMessage: Sendable, Hashable {
    var type: UInt16
    var flags: UInt16
    var sequence: UInt32
    /// The IPVS command, for the family's own messages.
    var command: UInt8
    /// Positive errno carried by an error or done message; 0 for an ack or a clean end of dump.
    var error: Int32
    /// The whole message, netlink header included, ready for the shim's parsers.
    var bytes: [UInt8]

    /// An NLMSG_ERROR message: a refusal, or with `error == 0` an ack.
    var isAcknowledgement: Bool { type == UInt16(CIPVS_NLMSG_ERROR.rawValue) }
    /// The end of a dump.
    var isDone: Bool { type == UInt16(CIPVS_NLMSG_DONE.rawValue) }
    /// The kernel's table changed while it was dumping: the parts may be inconsistent.
    var dumpWasInterrupted: Bool { flags & UInt16(CIPVS_NLM_F_DUMP_INTR.rawValue) != 0 }
}
