import IPVSCore

/// What the edges saw on the host (in the current network namespace) before anything is changed.
public struct ObservedHost: Sendable, Hashable {
    /// Interfaces by name, with whether they are administratively up.
    public var links: [String: Bool]
    /// Addresses by interface.
    public var addresses: [String: Set<AddressPrefix>]
    /// The values of the sysctls the setup cares about; a key that does not exist is absent.
    public var sysctls: [SysctlKey: String]
    /// The UDP ports open for GUE, per family.
    public var guePorts: Set<GUEPort>

    public init(
        links: [String: Bool] = [:], addresses: [String: Set<AddressPrefix>] = [:],
        sysctls: [SysctlKey: String] = [:], guePorts: Set<GUEPort> = []
    ) {
        self.links = links
        self.addresses = addresses
        self.sysctls = sysctls
        self.guePorts = guePorts
    }

    public func hasAddress(_ prefix: AddressPrefix, on device: String) -> Bool {
        addresses[device]?.contains(prefix) ?? false
    }
}

/// A `ip fou` receive port.
public struct GUEPort: Sendable, Hashable {
    public var port: UInt16
    public var family: AddressFamily

    public init(port: UInt16, family: AddressFamily) {
        self.port = port
        self.family = family
    }
}
