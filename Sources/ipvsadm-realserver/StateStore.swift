import Foundation
import IPVSCore
import IPVSRealServer

/// The state file of one VIP in the current network namespace: DIR/net-INODE/VIP. Real servers in
/// different namespaces of one host share /run but each has its own record.
struct StateStore {
    let path: String

    init(directory: String, vip: IPAddress) {
        let namespace = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/ns/net"))
            .map { $0.filter(\.isNumber) } ?? ""
        let folder = directory + "/net-" + (namespace.isEmpty ? "unknown" : namespace)
        path = folder + "/" + String(decoding: AddressText.numeric(vip), as: UTF8.self)
    }

    /// The recorded steps, or nil when there is no state file.
    func load() throws(RealServerError) -> [Step]? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .corruptState(path: path, line: 0, text: error.localizedDescription)
        }
        return try StateRecord.parse(text, path: path)
    }

    func save(_ steps: [Step]) throws(RealServerError) {
        do {
            let folder = (path as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try StateRecord.format(steps).write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw .stateUnwritable(path: path, reason: error.localizedDescription)
        }
    }

    func remove() throws(RealServerError) {
        guard FileManager.default.fileExists(atPath: path) else { return }
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw .stateUnwritable(path: path, reason: error.localizedDescription)
        }
    }
}
