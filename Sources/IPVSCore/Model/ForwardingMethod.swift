/// How the director hands a connection to a real server (IP_VS_CONN_F_FWD_MASK values).
public enum ForwardingMethod: UInt32, Sendable, Hashable, CaseIterable {
    /// NAT (`-m`): the director rewrites the destination address and port.
    case masquerade = 0
    /// Local node: the director itself serves (shown as "Local").
    case local = 1
    /// IP tunnelling (`-i`).
    case tunnel = 2
    /// Direct routing (`-g`), ipvsadm's default.
    case directRoute = 3
    /// Bypass; never set by ipvsadm.
    case bypass = 4
}
