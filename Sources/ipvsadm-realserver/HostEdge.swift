import Foundation
import IPVSCore
import IPVSRealServer

/// The host side: reads interfaces, addresses and GUE ports through `ip`, sysctls through
/// /proc/sys, and makes the changes. Everything here acts on the current network namespace.
struct HostEdge {
    /// What `setup` (and, for `stop`, the recorded steps) look at.
    func observe(_ setup: RealServerSetup, recorded: [Step] = []) throws(RealServerError) -> ObservedHost {
        var host = ObservedHost()
        let interfaces = try run(["-j", "addr", "show"])
        guard let data = interfaces.data(using: .utf8),
              let decoded = try? JSONDecoder().decode([IPInterface].self, from: data)
        else { throw .commandFailed(command: ["ip", "-j", "addr", "show"], status: 0, output: "unreadable output") }
        for interface in decoded {
            host.links[interface.ifname] = interface.flags.contains("UP")
            var addresses: Set<AddressPrefix> = []
            for info in interface.addr_info ?? [] {
                if let local = info.local, let length = info.prefixlen, let prefix = AddressPrefix("\(local)/\(length)") {
                    addresses.insert(prefix)
                }
            }
            host.addresses[interface.ifname] = addresses
        }
        var keys: Set<SysctlKey> = []
        for requirement in setup.requirements {
            switch requirement {
            case .sysctl(let key, _, _): keys.insert(key)
            case .looseReversePath(let device):
                keys.insert(.ipv4Conf("all", "rp_filter"))
                keys.insert(.ipv4Conf(device, "rp_filter"))
            default: break
            }
        }
        var wantsGUE = setup.tunnel?.guePort != nil
        for step in recorded {
            switch step {
            case .setSysctl(let key, _, _): keys.insert(key)
            case .addGUEPort, .deleteGUEPort: wantsGUE = true
            default: break
            }
        }
        for key in keys {
            host.sysctls[key] = try readSysctl(key)
        }
        if wantsGUE, let listing = try? run(["fou", "show"]) {
            host.guePorts = GUEPortList.parse(listing)
        }
        return host
    }

    func apply(_ step: Step) throws(RealServerError) {
        switch step {
        case .createDummy(let name): _ = try run(["link", "add", name, "type", "dummy"])
        case .deleteLink(let name): _ = try run(["link", "del", name])
        case .setLinkUp(let name): _ = try run(["link", "set", name, "up"])
        case .setLinkDown(let name): _ = try run(["link", "set", name, "down"])
        case .addAddress(let prefix, let device): _ = try run(["addr", "add", "\(prefix)", "dev", device])
        case .deleteAddress(let prefix, let device): _ = try run(["addr", "del", "\(prefix)", "dev", device])
        case .setSysctl(let key, let value, _): try writeSysctl(key, value)
        case .addGUEPort(let port): _ = try run(["fou", "add", "port", "\(port.port)", "gue"] + (port.family == .inet6 ? ["-6"] : []))
        case .deleteGUEPort(let port): _ = try run(["fou", "del", "port", "\(port.port)"] + (port.family == .inet6 ? ["-6"] : []))
        }
    }

    /// The value, or nil when the key does not exist (an interface that is not there yet).
    func readSysctl(_ key: SysctlKey) throws(RealServerError) -> String? {
        let path = "/proc/sys/" + key.path
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            return try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            throw .sysctlUnreadable(key: key, reason: error.localizedDescription)
        }
    }

    func writeSysctl(_ key: SysctlKey, _ value: String) throws(RealServerError) {
        guard let handle = FileHandle(forWritingAtPath: "/proc/sys/" + key.path) else {
            throw .sysctlUnwritable(key: key, reason: "cannot open /proc/sys/\(key.path) (are you root?)")
        }
        do {
            try handle.write(contentsOf: Data((value + "\n").utf8))
            try handle.close()
        } catch {
            throw .sysctlUnwritable(key: key, reason: error.localizedDescription)
        }
    }

    /// Runs `ip ARGS` and returns its standard output; a non-zero exit is an error with its stderr.
    func run(_ arguments: [String]) throws(RealServerError) -> String {
        let ip = ["/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip"].first { FileManager.default.isExecutableFile(atPath: $0) }
        return try CommandRunner.run(ip ?? "/usr/sbin/ip", arguments)
    }
}

/// The part of `ip -j addr show` we read.
private struct IPInterface: Decodable {
    var ifname: String
    var flags: [String]
    var addr_info: [AddressInfo]?

    struct AddressInfo: Decodable {
        var local: String?
        var prefixlen: Int?
    }
}
