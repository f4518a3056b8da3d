/// Talks to IPVS: reads the table and applies changes.
///
/// The kernel implementation lives in IPVSNetlink; the core never does I/O itself.
public protocol IPVSClient: AnyObject {
    func info() throws -> IPVSInfo
    /// Every virtual service, in the kernel's dump order.
    func services() throws -> [VirtualService]
    /// Every virtual service, in the kernel's dump order, kept compactly (see `ServiceList`);
    /// counters only when `statistics`.
    func serviceList(statistics: Bool) throws -> ServiceList
    /// One service, or a `KernelError` (ESRCH) when it does not exist.
    func service(_ key: ServiceKey) throws -> VirtualService
    /// The real servers of a service, in the kernel's list order (newest first).
    func realServers(of key: ServiceKey) throws -> [RealServer]
    func timeouts() throws -> Timeouts
    func daemons() throws -> [SyncDaemon]

    /// Applies one change; throws `KernelError` when the kernel refuses it.
    func perform(_ request: IPVSRequest) throws
    /// Applies changes in order without waiting for each answer; one result per request, in order.
    /// A refusal does not stop the requests after it.
    func performBatch(_ requests: [IPVSRequest]) throws -> [Result<Void, KernelError>]
}

extension IPVSClient {
    public func serviceList(statistics: Bool) throws -> ServiceList {
        ServiceList(try services(), statistics: statistics)
    }

    public func performBatch(_ requests: [IPVSRequest]) throws -> [Result<Void, KernelError>] {
        try requests.map { request in
            do {
                try perform(request)
                return .success(())
            } catch let error as KernelError {
                return .failure(error)
            }
        }
    }
}
