import IPVSCore

/// The state file: the steps `start` made, one per line, so that `stop` can undo exactly them.
///
///     create-dummy ipvs0
///     sysctl net/ipv4/conf/all/arp_ignore 1 0
///     sysctl net/ipv4/conf/ipvs0/arp_ignore 1 -
///
/// `-` stands for "no previous value"; sysctl values are single words (the ones we touch are numbers).
public enum StateRecord {
    public static func format(_ steps: [Step]) -> String {
        var text = "# ipvsadm-realserver: what start changed; stop undoes it\n"
        for step in steps {
            text += line(step) + "\n"
        }
        return text
    }

    static func line(_ step: Step) -> String {
        switch step {
        case .createDummy(let name): "create-dummy \(name)"
        case .deleteLink(let name): "delete-link \(name)"
        case .setLinkUp(let name): "link-up \(name)"
        case .setLinkDown(let name): "link-down \(name)"
        case .addAddress(let prefix, let device): "add-address \(prefix) \(device)"
        case .deleteAddress(let prefix, let device): "delete-address \(prefix) \(device)"
        case .setSysctl(let key, let value, let previous): "sysctl \(key.path) \(value) \(previous ?? "-")"
        case .addGUEPort(let port): "add-gue \(port.port) \(family(port.family))"
        case .deleteGUEPort(let port): "delete-gue \(port.port) \(family(port.family))"
        }
    }

    /// Reads a state file; `path` only names it in errors. A line that reads as a step `accepting`
    /// refuses is an error too: `stop` must not undo what `start` never does.
    public static func parse(
        _ text: String, path: String, accepting: (Step) -> Bool = { _ in true }
    ) throws(RealServerError) -> [Step] {
        var steps: [Step] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = rawLine.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let step = step(trimmed.split(separator: " ").map(String.init)) else {
                throw .corruptState(path: path, line: index + 1, text: String(rawLine))
            }
            guard accepting(step) else {
                throw .foreignState(path: path, line: index + 1, text: String(rawLine))
            }
            steps.append(step)
        }
        return steps
    }

    private static func step(_ words: [String]) -> Step? {
        guard let verb = words.first else { return nil }
        let args = Array(words.dropFirst())
        switch (verb, args.count) {
        case ("create-dummy", 1): return device(args[0]).map(Step.createDummy)
        case ("delete-link", 1): return device(args[0]).map(Step.deleteLink)
        case ("link-up", 1): return device(args[0]).map(Step.setLinkUp)
        case ("link-down", 1): return device(args[0]).map(Step.setLinkDown)
        case ("add-address", 2), ("delete-address", 2):
            guard let prefix = AddressPrefix(args[0]), let device = device(args[1]) else { return nil }
            return verb == "add-address" ? .addAddress(prefix, on: device) : .deleteAddress(prefix, on: device)
        case ("sysctl", 3):
            guard let key = SysctlKey(path: args[0]) else { return nil }
            return .setSysctl(key, value: args[1], previous: args[2] == "-" ? nil : args[2])
        case ("add-gue", 2), ("delete-gue", 2):
            guard let port = UInt16(args[0]), port > 0, let family = family(args[1]) else { return nil }
            let gue = GUEPort(port: port, family: family)
            return verb == "add-gue" ? .addGUEPort(gue) : .deleteGUEPort(gue)
        default: return nil
        }
    }

    private static func device(_ name: String) -> String? {
        RealServerSetup.isValidDeviceName(name) ? name : nil
    }

    private static func family(_ family: AddressFamily) -> String {
        family == .inet ? "inet" : "inet6"
    }

    private static func family(_ text: String) -> AddressFamily? {
        switch text {
        case "inet": .inet
        case "inet6": .inet6
        default: nil
        }
    }
}
