#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Loads the ip_vs kernel module, as ipvsadm does when the IPVS family is missing.
public enum ModuleLoader {
    /// Where modprobe usually lives; PATH often lacks the sbin folders.
    private static let candidates = ["/sbin/modprobe", "/usr/sbin/modprobe", "/bin/modprobe", "/usr/bin/modprobe"]

    /// Runs `modprobe -- ip_vs` and waits for it; true when it exited with status 0. Not quiet:
    /// modprobe's own complaint (module not found, insertion not permitted) reaches standard
    /// error as it does under 1.31, which runs exactly this command.
    @discardableResult
    public static func loadIPVS() -> Bool {
        guard let path = candidates.first(where: { access($0, X_OK) == 0 }) else { return false }
        let arguments = [path, "--", "ip_vs"]
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

    /// Why IPVS is unreachable, as 1.31 words it: it falls back to the kernel's old socket-option
    /// interface, whose raw socket needs CAP_NET_RAW, so an unprivileged caller hears EPERM and a
    /// privileged one ENOPROTOOPT (no such option: no IPVS).
    public static func unavailableErrno() -> Int32 {
        let probe = socket(AF_INET, Int32(SOCK_RAW.rawValue), Int32(IPPROTO_RAW))
        if probe < 0 { return errno == EPERM || errno == EACCES ? EPERM : ENOPROTOOPT }
        close(probe)
        return ENOPROTOOPT
    }
}
