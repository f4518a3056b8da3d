/// The one renderer of parse errors into ipvsadm 1.31's text, stream and exit status.
extension ParseError {
    /// The exact bytes ipvsadm writes to standard error, newline included.
    ///
    /// `programName` is ipvsadm's `argv[0]`, which the "Try" hint repeats.
    public func message(programName: [UInt8]) -> [UInt8] {
        switch self {
        case .tryHelp:
            return Array("Try `".utf8) + programName + Array(" -h' or '".utf8) + programName
                + Array(" --help' for more information.\n".utf8)
        case .popt(let failure, let word):
            let text: String
            switch failure {
            case .unknownOption: text = "unknown option"
            case .missingArgument: text = "missing argument"
            case .unwantedArgument: text = "option does not take an argument"
            }
            return word + Array(": \(text)\n".utf8)
        case .invalidOption(let word):
            return Array("invalid option `".utf8) + word + Array("'\n".utf8)
        case .unexpectedArgument(let word):
            return Array("unexpected argument ".utf8) + word + [0x0A]
        case .invalidTimeout(let word):
            return Array("invalid timeout value `".utf8) + word + Array("' specified\n".utf8)
        case .invalidFirewallMark(let word):
            return Array("invalid fwmark value `".utf8) + word + Array("' specified\n".utf8)
        case .invalidSchedulerFlag(let word):
            return Array("invalid scheduler flag `".utf8) + word + Array("'\n".utf8)
        case .incompatibleSchedulerFlag(let word):
            return Array("incompatible scheduler flag `".utf8) + word + Array("'\n".utf8)
        case .schedulerFlagListWithoutFlags(let word):
            return Array("no scheduler flag in `".utf8) + word + Array("'\n".utf8)
        case .invalidMulticastGroup(let family, let word):
            let name = family == .inet ? "IPv4" : "IPv6"
            return Array("invalid \(name) mcast-group `".utf8) + word + Array("'\n".utf8)
        default:
            return Array((fixedText ?? "") .utf8) + [0x0A]
        }
    }

    /// Messages with no word from the command line.
    private var fixedText: String? {
        switch self {
        case .multipleOptions(let name): return "multiple '\(name)' options specified"
        case .illegalOption(let name, let command): return "Illegal '\(name)' option with the '\(command)' command"
        case .missingOption(let name, let command):
            return "You need to supply the '\(name)' option for the '\(command)' command"
        case .conflictingOptions(let first, let second, let command):
            return "The option '\(first)' conflicts with the '\(second)' option in the '\(command)' command"
        case .listOptionsConflict: return "options conflicts in the list command"
        case .illegalVirtualServerAddress: return "illegal virtual server address[:port] specified"
        case .illegalRealServerAddress: return "illegal real server address[:port] specified"
        case .zeroPort: return "Zero port specified for non-persistent service"
        case .illegalWeight: return "illegal weight specified"
        case .illegalUpperThreshold: return "illegal u_threshold specified"
        case .illegalLowerThreshold: return "illegal l_threshold specified"
        case .illegalPersistentMask: return "illegal virtual server persistent mask specified"
        case .illegalIPv6Netmask: return "illegal ipv6 netmask specified"
        // ipvsadm prints this one with an extra blank line.
        case .ipv6BeforeFirewallMark: return "-6 used before -f\n"
        case .differentAddressFamily: return "Different address family is allowed only for tunneling servers"
        case .onePacketOnlyForUDP: return "One-Packet Scheduling is only for UDP virtual services"
        case .illegalTunnelType: return "illegal tunnel type specified"
        case .illegalTunnelPort: return "illegal tunnel port specified"
        case .tunnelOptionsConflictWithForwarding: return "Tunnel options conflict with forward method"
        case .missingTunnelOption(let name, let type):
            return "You need to supply the '\(name)' option for the '\(type)' tunnel type"
        case .illegalTunnelOption(let name, let type): return "Illegal '\(name)' option with the '\(type)' tunnel type"
        case .conflictingTunnelOptions(let first, let second, let type):
            return "The option '\(first)' conflicts with the '\(second)' option in the '\(type)' tunnel type"
        case .setNeedsThreeValues: return "--set option requires 3 timeout values"
        case .illegalStartDaemonState: return "illegal start-daemon parameter specified"
        case .illegalStopDaemonState: return "illegal start_daemon specified"
        case .illegalSyncID: return "illegal syncid specified"
        case .illegalSyncMaxLength: return "illegal sync-maxlen specified"
        case .illegalMulticastPort: return "illegal mcast-port specified"
        case .illegalMulticastTTL: return "illegal mcast-ttl specified"
        default: return nil
        }
    }

    /// ipvsadm's exit status for this error: 255 for popt's and the "Try" hint, 2 otherwise.
    public var exitStatus: Int32 {
        switch self {
        case .tryHelp, .popt: return 255
        default: return 2
        }
    }

    /// Whether `-R` carries on with the next line after this error (popt's errors only).
    public var restoreContinues: Bool {
        if case .popt = self { return true }
        return false
    }
}
