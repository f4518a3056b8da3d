/// The schedulers and persistence engines the test bed's kernel (Debian 12, 6.1) can load.
///
/// Learned from the kernel: `ip_vs_twos` only arrived after 6.1, and `none` is the kernel's own
/// "no scheduler". Names are case-sensitive.
public enum KernelNames {
    public static let schedulers: Set<String> = [
        "rr", "wrr", "lc", "wlc", "lblc", "lblcr", "dh", "sh", "sed", "nq", "fo", "ovf", "mh", "none",
    ]
    public static let persistenceEngines: Set<String> = ["sip"]

    /// ENOENT ("Scheduler or persistence engine not found") for a name the kernel cannot load.
    static func check(_ service: VirtualService, operation: IPVSOperation) throws(KernelError) {
        guard schedulers.contains(service.scheduler) else { throw KernelError(operation: operation, errno: KernelErrno.noEntry) }
        if let engine = service.persistenceEngine, !engine.isEmpty, !persistenceEngines.contains(engine) {
            throw KernelError(operation: operation, errno: KernelErrno.noEntry)
        }
    }
}
