extension RealServerSetup {
    /// Whether `start` of this setup can have recorded `step`. `stop` replays the inverses of a
    /// state file as root, so a file that names any other change (a forged or stale one: another
    /// interface, a sysctl start never sets, a value that is not a number) is refused whole rather
    /// than trusted line by line.
    public func mayHaveRecorded(_ step: Step) -> Bool {
        switch step {
        case .createDummy(let name):
            // start never creates the tunnel's device: it asks for its module instead.
            return requirements.contains(.link(name)) && name != tunnel?.device
        case .setLinkUp(let name):
            return requirements.contains(.linkUp(name))
        case .addAddress(let prefix, let device):
            return requirements.contains(.address(prefix, on: device))
        case .setSysctl(let key, let value, let previous):
            guard previous.map(Self.isSysctlNumber) ?? true else { return false }
            return requirements.contains { requirement in
                switch requirement {
                case .sysctl(key, let wanted, _): value == wanted
                case .looseReversePath(let device): key == .ipv4Conf(device, "rp_filter") && value == "2"
                default: false
                }
            }
        case .addGUEPort(let port):
            return requirements.contains(.guePort(port))
        case .deleteLink, .setLinkDown, .deleteAddress, .deleteGUEPort:
            // Inverses: stop computes them, start never records them.
            return false
        }
    }

    /// The values start finds in the keys it touches are small decimal numbers.
    private static func isSysctlNumber(_ text: String) -> Bool {
        (1...10).contains(text.utf8.count) && text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
