#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import IPVSRealServer

/// Runs a program with posix_spawn and collects its output. Foundation's Process is not used: it
/// needs a CFRunLoop wake-up socket, which fails in minimal environments (the VM test bed's chroot)
/// and then hangs.
enum CommandRunner {
    /// The program's standard output; a non-zero exit is an error carrying its standard error.
    static func run(_ path: String, _ arguments: [String]) throws(RealServerError) -> String {
        let command = [path] + arguments
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        guard pipe(&outPipe) == 0 else { throw failure(command, "pipe: \(errnoText())") }
        guard pipe(&errPipe) == 0 else {
            close(outPipe[0]); close(outPipe[1])
            throw failure(command, "pipe: \(errnoText())")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for fd in outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, fd) }

        var cArguments: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { for pointer in cArguments { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, &cArguments, environ)
        close(outPipe[1])
        close(errPipe[1])
        guard spawned == 0 else {
            close(outPipe[0]); close(errPipe[0])
            throw failure(command, String(cString: strerror(spawned)))
        }
        // Standard error is read after standard output; `ip` writes little to either, far less
        // than a pipe holds, so the child never blocks on the one not being read.
        let output = readAll(outPipe[0])
        let errors = readAll(errPipe[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exited = (status & 0x7F) == 0
        let code = exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        guard code == 0 else {
            throw .commandFailed(command: command, status: code, output: trimmed(errors))
        }
        return output
    }

    private static func readAll(_ fd: Int32) -> String {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                bytes += buffer[0..<count]
            } else if count == 0 || errno != EINTR {
                break
            }
        }
        close(fd)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func trimmed(_ text: String) -> String {
        String(text.reversed().drop { $0 == "\n" || $0 == " " }.reversed())
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }

    private static func failure(_ command: [String], _ reason: String) -> RealServerError {
        .commandFailed(command: command, status: -1, output: reason)
    }
}
