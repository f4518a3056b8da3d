/// A kernel parameter under /proc/sys, kept as path components so that interface names with dots
/// (`eth0.100`) stay one component.
public struct SysctlKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var components: [String]

    public init(_ components: [String]) {
        self.components = components
    }

    /// `net.ipv4.conf.DEVICE.NAME`; DEVICE may be `all`.
    public static func ipv4Conf(_ device: String, _ name: String) -> SysctlKey {
        SysctlKey(["net", "ipv4", "conf", device, name])
    }

    /// The path below /proc/sys.
    public var path: String { components.joined(separator: "/") }

    /// As `sysctl` names it.
    public var description: String { components.joined(separator: ".") }

    /// Reads the path form written by `path`.
    public init?(path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !parts.isEmpty, !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else { return nil }
        self.init(parts)
    }

    public static func < (lhs: SysctlKey, rhs: SysctlKey) -> Bool {
        lhs.components.lexicographicallyPrecedes(rhs.components)
    }
}
