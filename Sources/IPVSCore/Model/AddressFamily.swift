/// The address family of a service or a real server, with the kernel's numbering (AF_INET, AF_INET6).
public enum AddressFamily: UInt16, Sendable, Hashable, CaseIterable {
    case inet = 2
    case inet6 = 10
}
