/// The layer-4 protocol of a virtual service, with its IP protocol number.
public enum TransportProtocol: UInt16, Sendable, Hashable, CaseIterable {
    case tcp = 6
    case udp = 17
    case sctp = 132
}
