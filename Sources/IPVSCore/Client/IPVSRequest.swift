/// A change to the IPVS table, as one request to the kernel.
public enum IPVSRequest: Sendable, Hashable {
    case addService(VirtualService)
    case editService(VirtualService)
    case deleteService(ServiceKey)
    case addRealServer(ServiceKey, RealServer)
    case editRealServer(ServiceKey, RealServer)
    case deleteRealServer(ServiceKey, address: IPAddress, port: UInt16)
    /// Remove every service (`-C`).
    case flush
    /// Zero the counters of one service, or of all when nil (`-Z`).
    case zero(ServiceKey?)
    case setTimeouts(Timeouts)
    case startDaemon(SyncDaemon)
    case stopDaemon(SyncDaemonState)

    public var operation: IPVSOperation {
        switch self {
        case .addService: return .addService
        case .editService: return .editService
        case .deleteService: return .deleteService
        case .addRealServer: return .addRealServer
        case .editRealServer: return .editRealServer
        case .deleteRealServer: return .deleteRealServer
        case .flush: return .flush
        case .zero: return .zero
        case .setTimeouts: return .setTimeouts
        case .startDaemon: return .startDaemon
        case .stopDaemon: return .stopDaemon
        }
    }
}
