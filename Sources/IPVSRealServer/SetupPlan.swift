/// The pure decisions of `ipvsadm-realserver`: what `start` changes, what `stop` undoes, what
/// `status` reports, each computed from an `ObservedHost` with no I/O.
public enum SetupPlan {
    /// The steps that put the missing requirements in place; empty when all are there already,
    /// which makes `start` idempotent.
    public static func start(_ setup: RealServerSetup, on host: ObservedHost) throws(RealServerError) -> [Step] {
        var steps: [Step] = []
        var created: Set<String> = []
        for requirement in setup.requirements where !requirement.isSatisfied(by: host) {
            switch requirement {
            case .link(let name):
                if let tunnel = setup.tunnel, name == tunnel.device {
                    throw .tunnelDeviceMissing(device: name, module: tunnel.module)
                }
                steps.append(.createDummy(name))
                created.insert(name)
            case .linkUp(let name):
                steps.append(.setLinkUp(name))
            case .address(let prefix, let device):
                steps.append(.addAddress(prefix, on: device))
            case .sysctl(let key, let wanted, _):
                let madeHere = key.components.count == 5 && created.contains(key.components[3])
                steps.append(.setSysctl(key, value: wanted, previous: madeHere ? nil : host.sysctls[key]))
            case .guePort(let port):
                steps.append(.addGUEPort(port))
            case .looseReversePath(let device):
                // Loose on the device makes the larger of it and `all` loose, whatever `all` is.
                let key = SysctlKey.ipv4Conf(device, "rp_filter")
                steps.append(.setSysctl(key, value: "2", previous: created.contains(device) ? nil : host.sysctls[key]))
            }
        }
        return steps
    }

    /// What `stop` does with the steps `start` recorded: their inverses, newest first, less those
    /// already undone. A sysctl that someone set to another value since `start` is left alone and
    /// reported, so that `stop` never overwrites a later decision.
    public static func stop(recorded: [Step], on host: ObservedHost) -> (steps: [Step], leftAlone: [String]) {
        var host = host
        // Interfaces start made go last, and their addresses, state and sysctls go with them.
        var deleted: Set<String> = []
        for case .createDummy(let name) in recorded where host.links[name] != nil {
            deleted.insert(name)
        }
        var steps: [Step] = []
        var leftAlone: [String] = []
        for step in recorded.reversed() {
            guard let inverse = step.inverse else { continue }
            if case .deleteLink(let name) = inverse {
                guard host.links[name] != nil else { continue }
                host.links[name] = nil
                steps.append(inverse)
                continue
            }
            if let device = inverse.device, deleted.contains(device) { continue }
            switch inverse {
            case .deleteLink:
                continue
            case .setLinkDown(let name), .setLinkUp(let name):
                let up: Bool
                if case .setLinkUp = inverse { up = true } else { up = false }
                guard let current = host.links[name], current != up else { continue }
                host.links[name] = up
            case .deleteAddress(let prefix, let device):
                guard host.hasAddress(prefix, on: device) else { continue }
                host.addresses[device]?.remove(prefix)
            case .addAddress(let prefix, let device):
                guard host.links[device] != nil, !host.hasAddress(prefix, on: device) else { continue }
                host.addresses[device, default: []].insert(prefix)
            case .setSysctl(let key, let restored, let ours):
                guard let current = host.sysctls[key], current != restored else { continue }
                guard current == ours else {
                    leftAlone.append("\(key) is \(current) now, not the \(ours ?? "?") start set: left alone (it was \(restored))")
                    continue
                }
                host.sysctls[key] = restored
            case .deleteGUEPort(let port):
                guard host.guePorts.contains(port) else { continue }
                host.guePorts.remove(port)
            case .addGUEPort(let port):
                guard !host.guePorts.contains(port) else { continue }
                host.guePorts.insert(port)
            case .createDummy:
                continue
            }
            steps.append(inverse)
        }
        return (steps, leftAlone)
    }

    /// Each requirement with whether it is in place.
    public static func status(_ setup: RealServerSetup, on host: ObservedHost) -> [(requirement: Requirement, inPlace: Bool)] {
        setup.requirements.map { ($0, $0.isSatisfied(by: host)) }
    }
}
