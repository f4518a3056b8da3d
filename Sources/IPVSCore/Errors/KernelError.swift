/// The kernel refused a request: the operation and the errno it answered with.
///
/// ipvsadm's messages depend on the errno and on which command was refused, so both are kept.
public struct KernelError: Error, Sendable, Hashable {
    public var operation: IPVSOperation
    /// The positive errno value (EEXIST = 17, ESRCH = 3, …).
    public var errno: Int32

    public init(operation: IPVSOperation, errno: Int32) {
        self.operation = operation
        self.errno = errno
    }
}

/// Why a client could not talk to the kernel at all.
public enum ClientError: Error, Sendable, Hashable {
    /// No generic-netlink family "IPVS" even after trying to load the module.
    case familyUnavailable
    /// The netlink library failed: its own error code (libnl's NLE_* numbering, not an errno) and message.
    case netlink(code: Int32, message: String)
    /// The kernel sent a reply this client cannot read.
    case malformedReply(String)
}
