import IPVSCore

/// Why `ipvsadm-realserver` cannot do what it was asked, in words an admin can act on.
public enum RealServerError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidVIP(String)
    case invalidDevice(String)
    case invalidPort(String)
    /// `--tunnel gue` without `--tun-port`.
    case guePortMissing
    /// `--tun-port` without `--tunnel gue`.
    case tunnelPortWithoutGUE
    case tunnelFamilyMismatch(vip: IPAddress)
    /// The tunnel device is missing: its module is not loaded.
    case tunnelDeviceMissing(device: String, module: String)
    /// A line of the state file that cannot be read.
    case corruptState(path: String, line: Int, text: String)
    /// A line of the state file that names a change `start` never makes for this setup.
    case foreignState(path: String, line: Int, text: String)
    /// The state file or a folder above it could be written by someone other than its owner.
    case untrustedState(path: String, problem: StateFileTrust.Problem)
    /// A command that failed, with what it printed.
    case commandFailed(command: [String], status: Int32, output: String)
    case sysctlUnreadable(key: SysctlKey, reason: String)
    case sysctlUnwritable(key: SysctlKey, reason: String)
    case stateUnwritable(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidVIP(let text):
            "invalid VIP '\(text)': give an IPv4 or IPv6 address (no port, no prefix)"
        case .invalidDevice(let name):
            "invalid interface name '\(name)'"
        case .invalidPort(let text):
            "invalid GUE port '\(text)': give a number 1-65535"
        case .guePortMissing:
            "--tunnel gue needs --tun-port PORT (the director's --tun-port)"
        case .tunnelPortWithoutGUE:
            "--tun-port goes with --tunnel gue"
        case .tunnelFamilyMismatch(let vip):
            "the tunnel must be of the VIP's family (\(vip.family == .inet ? "IPv4" : "IPv6"))"
        case .tunnelDeviceMissing(let device, let module):
            "tunnel device \(device) is missing: load the \(module) module (modprobe \(module))"
        case .corruptState(let path, let line, let text):
            "\(path):\(line): cannot read state line '\(text)'"
        case .foreignState(let path, let line, let text):
            "\(path):\(line): '\(text)' is not a change start makes for this VIP: refusing to undo it (remove the file if it is not ours)"
        case .untrustedState(let path, let problem):
            "refusing state \(path): \(problem)"
        case .commandFailed(let command, let status, let output):
            "'\(command.joined(separator: " "))' failed (exit \(status))" + (output.isEmpty ? "" : ": \(output)")
        case .sysctlUnreadable(let key, let reason):
            "cannot read \(key): \(reason)"
        case .sysctlUnwritable(let key, let reason):
            "cannot set \(key): \(reason)"
        case .stateUnwritable(let path, let reason):
            "cannot write state file \(path): \(reason)"
        }
    }
}
