/// A resolver that knows no names: for input that must be numeric, and for tests.
public struct NumericOnlyResolver: NameResolver {
    public init() {}
    public func addresses(forHost name: String, family: AddressFamily) -> [IPAddress] { [] }
    public func port(forService name: String, protocol: TransportProtocol) -> UInt16? { nil }
    public func hostName(for address: IPAddress) -> String? { nil }
    public func serviceName(forPort port: UInt16, protocol: TransportProtocol) -> String? { nil }
}
