/// Looks up host and service names, as ipvsadm does through the C library.
///
/// The core's grammar and formatters take one of these so that they stay free of I/O; the system
/// implementation sits at the edge, and tests use a fixed table.
public protocol NameResolver: Sendable {
    /// Addresses for a host name in the given family (forward lookup), first preferred.
    func addresses(forHost name: String, family: AddressFamily) -> [IPAddress]
    /// The port number of a service name for a protocol (`http` → 80), or nil.
    func port(forService name: String, protocol: TransportProtocol) -> UInt16?
    /// The host name of an address (reverse lookup), or nil.
    func hostName(for address: IPAddress) -> String?
    /// The service name of a port for a protocol (80/tcp → `http`), or nil.
    func serviceName(forPort port: UInt16, protocol: TransportProtocol) -> String?
}
