/// ipvsadm 1.31's words for a kernel refusal, which depend on the refused operation.
extension KernelError {
    /// ipvsadm's own message, or nil when it prints the C library's `strerror(errno)`.
    public var ipvsadmMessage: String? {
        let EEXIST: Int32 = 17, ENOENT: Int32 = 2, ESRCH: Int32 = 3, EINVAL: Int32 = 22
        switch (operation, errno) {
        case (.addService, EEXIST): return "Service already exists"
        case (.addService, ENOENT), (.editService, ENOENT): return "Scheduler or persistence engine not found"
        case (.editService, ESRCH), (.deleteService, ESRCH), (.zero, ESRCH), (.getService, ESRCH):
            return "No such service"
        case (.addRealServer, ESRCH), (.editRealServer, ESRCH), (.deleteRealServer, ESRCH): return "Service not defined"
        case (.addRealServer, EEXIST): return "Destination already exists"
        case (.editRealServer, ENOENT), (.deleteRealServer, ENOENT): return "No such destination"
        case (.startDaemon, EEXIST): return "Daemon has already run"
        case (.stopDaemon, ESRCH): return "No daemon is running"
        // libipvs's words for any EINVAL (e.g. a real server whose address is not unicast).
        case (_, EINVAL): return "Invalid operation.  Possibly wrong module version, address not unicast, ..."
        default: return nil
        }
    }
}
