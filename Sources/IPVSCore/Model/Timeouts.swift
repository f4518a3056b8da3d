/// Connection timeouts in seconds (`--set tcp tcpfin udp`); 0 in a request leaves a value unchanged.
public struct Timeouts: Sendable, Hashable {
    public var tcp: UInt32
    public var tcpFin: UInt32
    public var udp: UInt32

    public init(tcp: UInt32, tcpFin: UInt32, udp: UInt32) {
        self.tcp = tcp
        self.tcpFin = tcpFin
        self.udp = udp
    }
}
