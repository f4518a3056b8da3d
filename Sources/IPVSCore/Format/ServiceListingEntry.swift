/// One virtual service with its real servers, in the kernel's order: what the listings print.
public struct ServiceListingEntry: Sendable, Hashable {
    public var service: VirtualService
    /// In the kernel's list order (newest first); the formatter sorts them unless `--nosort`.
    public var realServers: [RealServer]

    public init(service: VirtualService, realServers: [RealServer]) {
        self.service = service
        self.realServers = realServers
    }
}
