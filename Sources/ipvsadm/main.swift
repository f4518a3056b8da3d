// ipvsadm: argv → IPVSCore's grammar → the kernel through IPVSNetlink → output and exit status,
// as Debian's ipvsadm 1.31 does. Foundation stays out of the start-up path.
#if canImport(Glibc)
import Glibc
#endif
import IPVSCore
import IPVSNetlink
import IPVSSystem

/// The first error writing standard output, other than a reader that went away.
nonisolated(unsafe) var outputFailure: Int32 = 0

/// Writes bytes to a file descriptor, retrying short writes and EINTR. A failure on standard
/// output is kept in `outputFailure` (a full disk must not end in success, which is what 1.31
/// does); EPIPE is not, since the reader left and 1.31 ends quietly then.
func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
    bytes.withUnsafeBytes { raw in
        guard let base = raw.baseAddress else { return }
        var offset = 0
        while offset < raw.count {
            let written = write(fd, base + offset, raw.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                if fd == 1 && errno != EPIPE && outputFailure == 0 { outputFailure = errno }
                return
            }
            offset += written
        }
    }
}

func writeError(_ text: String) { writeAll(2, Array(text.utf8)) }

/// How one command ended: a status, and whether `-R` must stop there.
struct Outcome {
    var status: Int32
    var stop: Bool
    static let success = Outcome(status: 0, stop: false)
}

func strerrorText(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "Unknown error \(code)" }
    return String(cString: text)
}

let arguments: [[UInt8]] = (0..<Int(CommandLine.argc)).map { index in
    guard let pointer = CommandLine.unsafeArgv[index] else { return [] }
    return Array(UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer)))
}
let programName = arguments.first ?? Array("ipvsadm".utf8)

// 1.31 reaches the kernel before it even reads its options: it finds the family and asks for the
// version, which the kernel refuses without CAP_NET_ADMIN; any failure there, after one attempt to
// load the module, ends with exit status 2, even for -h.
func ipvsUnavailable(_ reasonErrno: Int32) -> Never {
    let reason = reasonErrno == EPERM ? "Permission denied (you must be root)" : strerrorText(reasonErrno)
    writeError("Can't initialize ipvs: \(reason)\nAre you sure that IP Virtual Server is built in the kernel or as module?\n")
    exit(2)
}
let client: NetlinkClient
do {
    client = try NetlinkClient()
    _ = try client.info()
} catch let error as KernelError {
    ModuleLoader.loadIPVS()
    ipvsUnavailable(error.errno)
} catch ClientError.netlink(_, let message) {
    writeError("Can't initialize ipvs: \(message)\nAre you sure that IP Virtual Server is built in the kernel or as module?\n")
    exit(2)
} catch {
    ipvsUnavailable(ModuleLoader.unavailableErrno())
}

let names = SystemNameResolver()
let parser = CommandLineParser(resolver: names)
let runner = Runner(client: client, names: names, programName: programName)

let outcome = runner.run(Array(arguments.dropFirst()), restoring: false)
if outputFailure != 0 {
    writeError(String(decoding: programName, as: UTF8.self) + ": write error: " + strerrorText(outputFailure) + "\n")
    exit(outcome.status == 0 ? 1 : outcome.status)
}
exit(outcome.status)
