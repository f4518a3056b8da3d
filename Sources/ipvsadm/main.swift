// ipvsadm: argv → IPVSCore's grammar → the kernel through IPVSNetlink → output and exit status,
// as Debian's ipvsadm 1.31 does. Foundation stays out of the start-up path.
#if canImport(Glibc)
import Glibc
#endif
import IPVSCore
import IPVSNetlink
import IPVSSystem

/// Writes bytes to a file descriptor, retrying short writes and EINTR.
func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
    bytes.withUnsafeBytes { raw in
        guard let base = raw.baseAddress else { return }
        var offset = 0
        while offset < raw.count {
            let written = write(fd, base + offset, raw.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
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

// 1.31 reaches the kernel before it even reads its options.
let client: NetlinkClient
do {
    client = try NetlinkClient()
} catch {
    let reason: String
    switch error {
    case ClientError.netlink(_, let message): reason = message
    default: reason = "Protocol not available"
    }
    writeError("Can't initialize ipvs: \(reason)\nAre you sure that IP Virtual Server is built in the kernel or as module?\n")
    exit(2)
}

let names = SystemNameResolver()
let parser = CommandLineParser(resolver: names)
let runner = Runner(client: client, names: names, programName: programName)

let outcome = runner.run(Array(arguments.dropFirst()), restoring: false)
exit(outcome.status)
