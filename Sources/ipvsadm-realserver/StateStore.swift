import Foundation
import Glibc
import IPVSCore
import IPVSRealServer

/// The state file of one VIP in the current network namespace: DIR/net-INODE/VIP. Real servers in
/// different namespaces of one host share /run but each has its own record.
///
/// `stop` runs as root and undoes what the file says, so the file and its two folders must be ours
/// (owned by the effective user, not symbolic links, not writable by group or others) before it is
/// read or written, and the file itself is written through a temporary file created exclusively.
struct StateStore {
    let directory: String
    let folder: String
    let path: String

    init(directory: String, vip: IPAddress) {
        let namespace = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/ns/net"))
            .map { $0.filter(\.isNumber) } ?? ""
        self.directory = directory
        folder = directory + "/net-" + (namespace.isEmpty ? "unknown" : namespace)
        path = folder + "/" + String(decoding: AddressText.numeric(vip), as: UTF8.self)
    }

    /// The recorded steps, or nil when there is no state file. A line that `setup`'s start could
    /// not have written is refused.
    func load(for setup: RealServerSetup) throws(RealServerError) -> [Step]? {
        guard try trusted(directory, as: .directory), try trusted(folder, as: .directory),
              try trusted(path, as: .regularFile)
        else { return nil }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .corruptState(path: path, line: 0, text: error.localizedDescription)
        }
        return try StateRecord.parse(text, path: path, accepting: setup.mayHaveRecorded)
    }

    func save(_ steps: [Step]) throws(RealServerError) {
        for each in [directory, folder] where try !trusted(each, as: .directory) {
            guard mkdir(each, 0o755) == 0 || errno == EEXIST else {
                throw .stateUnwritable(path: each, reason: String(cString: strerror(errno)))
            }
            _ = try trusted(each, as: .directory)
        }
        let temporary = path + ".new"
        // A leftover of an interrupted save: ours (the folder is trusted), so it may go.
        unlink(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .stateUnwritable(path: temporary, reason: String(cString: strerror(errno))) }
        let bytes = Array(StateRecord.format(steps).utf8)
        let complete = bytes.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return false }
                offset += written
            }
            return fsync(fd) == 0
        }
        let reason = String(cString: strerror(errno))
        close(fd)
        guard complete, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw .stateUnwritable(path: path, reason: reason)
        }
    }

    func remove() throws(RealServerError) {
        guard try trusted(path, as: .regularFile) else { return }
        guard unlink(path) == 0 || errno == ENOENT else {
            throw .stateUnwritable(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// Whether `path` exists; throws when it exists but is not what we can trust.
    private func trusted(_ path: String, as expected: StateFileTrust.Kind) throws(RealServerError) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return false }
            throw .stateUnwritable(path: path, reason: String(cString: strerror(errno)))
        }
        let kind: StateFileTrust.Kind = switch info.st_mode & S_IFMT {
        case S_IFDIR: .directory
        case S_IFREG: .regularFile
        case S_IFLNK: .symbolicLink
        default: .other
        }
        if let problem = StateFileTrust.problem(
            kind: kind, owner: info.st_uid, mode: info.st_mode, expected: expected, expectedOwner: geteuid())
        {
            throw .untrustedState(path: path, problem: problem)
        }
        return true
    }
}
