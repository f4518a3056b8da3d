/// One thing a real server must have in place; `status` reports them, `start` makes the missing ones.
public enum Requirement: Sendable, Hashable {
    case link(String)
    case linkUp(String)
    case address(AddressPrefix, on: String)
    /// The sysctl holds one of `accepted`; `start` writes `wanted` when it does not.
    case sysctl(SysctlKey, wanted: String, accepted: Set<String>)
    case guePort(GUEPort)
    /// Reverse-path filtering on the device is off (0) or loose (2). The kernel applies the larger
    /// of `all` and the device's value, so strict (1) on `all` needs loose on the device.
    case looseReversePath(String)

    public func isSatisfied(by host: ObservedHost) -> Bool {
        switch self {
        case .link(let name): host.links[name] != nil
        case .linkUp(let name): host.links[name] == true
        case .address(let prefix, let device): host.hasAddress(prefix, on: device)
        case .sysctl(let key, _, let accepted): host.sysctls[key].map(accepted.contains) ?? false
        case .guePort(let port): host.guePorts.contains(port)
        case .looseReversePath(let device):
            Self.effectiveReversePath(device, on: host).map { $0 == 0 || $0 == 2 } ?? false
        }
    }

    /// One line of `status`.
    public var summary: String {
        switch self {
        case .link(let name): "interface \(name) exists"
        case .linkUp(let name): "interface \(name) is up"
        case .address(let prefix, let device): "\(prefix) on \(device)"
        case .sysctl(let key, let wanted, let accepted):
            accepted.count > 1 ? "\(key) in {\(accepted.sorted().joined(separator: ","))}" : "\(key) = \(wanted)"
        case .guePort(let port): "GUE port \(port.port)\(port.family == .inet6 ? " (IPv6)" : "")"
        case .looseReversePath(let device): "rp_filter on \(device) loose or off (the larger of all's and \(device)'s)"
        }
    }

    /// The rp_filter mode the kernel applies to packets arriving on `device`, when both are known.
    static func effectiveReversePath(_ device: String, on host: ObservedHost) -> Int? {
        guard let all = host.sysctls[.ipv4Conf("all", "rp_filter")].flatMap({ Int($0) }),
              let own = host.sysctls[.ipv4Conf(device, "rp_filter")].flatMap({ Int($0) })
        else { return nil }
        return max(all, own)
    }
}

extension RealServerSetup {
    /// Everything this setup needs, in the order `start` puts it in place: the interface before
    /// its address and its sysctls.
    public var requirements: [Requirement] {
        var wanted: [Requirement] = []
        if let tunnel {
            wanted += [.link(tunnel.device), .linkUp(tunnel.device)]
        }
        if device != tunnel?.device {
            wanted += [.link(device), .linkUp(device)]
        }
        wanted.append(.address(vipPrefix, on: device))
        if vip.family == .inet {
            // The effective value is the larger of `all` and the interface's: `all` covers the
            // interface facing the clients, the device's own keeps the VIP's interface quiet too.
            for conf in ["all", device] {
                wanted.append(.sysctl(.ipv4Conf(conf, "arp_ignore"), wanted: "1", accepted: ["1"]))
                wanted.append(.sysctl(.ipv4Conf(conf, "arp_announce"), wanted: "2", accepted: ["2"]))
            }
        }
        if let tunnel, tunnel.family == .inet {
            // Decapsulated packets come in on the tunnel device from a client routed elsewhere:
            // strict reverse-path filtering drops them; loose (2) or off (0) lets them in.
            wanted.append(.looseReversePath(tunnel.device))
        }
        if let tunnel, let port = tunnel.guePort {
            wanted.append(.guePort(GUEPort(port: port, family: tunnel.family)))
        }
        return wanted
    }
}
