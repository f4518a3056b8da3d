#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Loads the ip_vs kernel module, as ipvsadm does when the IPVS family is missing.
enum ModuleLoader {
    /// Where modprobe usually lives; PATH often lacks the sbin folders.
    private static let candidates = ["/sbin/modprobe", "/usr/sbin/modprobe", "/bin/modprobe", "/usr/bin/modprobe"]

    /// Runs `modprobe -q ip_vs` and waits for it; true when it exited with status 0.
    @discardableResult
    static func loadIPVS() -> Bool {
        guard let path = candidates.first(where: { access($0, X_OK) == 0 }) else { return false }
        let arguments = [path, "-q", "ip_vs"]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        argv.append(nil)
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, path, nil, nil, argv, environ) == 0 else { return false }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return false }
        }
        // WIFEXITED && WEXITSTATUS == 0, spelled out because the C macros do not import.
        return status & 0x7F == 0 && (status >> 8) & 0xFF == 0
    }
}
