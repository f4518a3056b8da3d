/// The kinds of request a client can make of IPVS; named after the generic-netlink commands.
public enum IPVSOperation: Sendable, Hashable {
    case addService, editService, deleteService
    case addRealServer, editRealServer, deleteRealServer
    case flush, zero
    case setTimeouts, startDaemon, stopDaemon
    case getInfo, getServices, getService, getRealServers, getTimeouts, getDaemons
}
