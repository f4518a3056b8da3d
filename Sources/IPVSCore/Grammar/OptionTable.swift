/// Every command and option ipvsadm 1.31 recognises, as popt's option table.
///
/// The first group are commands (one per invocation); the rest modify a command.
public enum Option: Sendable, Hashable, CaseIterable {
    // Commands.
    case addService, editService, deleteService, clear, restore, save
    case addServer, editServer, deleteServer, list, zero
    case setTimeouts, startDaemon, stopDaemon, help, version
    // Options.
    case tcpService, udpService, sctpService, fwmarkService, ipv6
    case scheduler, persistenceEngine, persistent, netmask, realServer
    case gatewaying, ipip, masquerading
    case tunnelType, tunnelPort, tunnelNoChecksum, tunnelChecksum, tunnelRemoteChecksum
    case weight, upperThreshold, lowerThreshold
    case connection, timeout, daemon, stats, rate, exact, thresholds, persistentConnections, tunnelInfo
    case noSort, sort, ops, numeric, schedulerFlags
    case syncID, syncMaxLength, multicastInterface, multicastGroup, multicastPort, multicastTTL
    /// Ours, not 1.31's: `-L`/`-S` print a JSON document (Docs/json.md). Long form only.
    case json

    /// How an option takes its argument, as popt's argInfo.
    public enum ArgumentKind: Sendable {
        case none
        case required
        /// `-p [timeout]`: the next word is taken only when it does not start with `-`.
        case optional
    }

    /// The long name, without the leading `--`.
    public var longName: String {
        switch self {
        case .addService: return "add-service"
        case .editService: return "edit-service"
        case .deleteService: return "delete-service"
        case .clear: return "clear"
        case .restore: return "restore"
        case .save: return "save"
        case .addServer: return "add-server"
        case .editServer: return "edit-server"
        case .deleteServer: return "delete-server"
        case .list: return "list"
        case .zero: return "zero"
        case .setTimeouts: return "set"
        case .startDaemon: return "start-daemon"
        case .stopDaemon: return "stop-daemon"
        case .help: return "help"
        case .version: return "version"
        case .tcpService: return "tcp-service"
        case .udpService: return "udp-service"
        case .sctpService: return "sctp-service"
        case .fwmarkService: return "fwmark-service"
        case .ipv6: return "ipv6"
        case .scheduler: return "scheduler"
        case .persistenceEngine: return "pe"
        case .persistent: return "persistent"
        case .netmask: return "netmask"
        case .realServer: return "real-server"
        case .gatewaying: return "gatewaying"
        case .ipip: return "ipip"
        case .masquerading: return "masquerading"
        case .tunnelType: return "tun-type"
        case .tunnelPort: return "tun-port"
        case .tunnelNoChecksum: return "tun-nocsum"
        case .tunnelChecksum: return "tun-csum"
        case .tunnelRemoteChecksum: return "tun-remcsum"
        case .weight: return "weight"
        case .upperThreshold: return "u-threshold"
        case .lowerThreshold: return "l-threshold"
        case .connection: return "connection"
        case .timeout: return "timeout"
        case .daemon: return "daemon"
        case .stats: return "stats"
        case .rate: return "rate"
        case .exact: return "exact"
        case .thresholds: return "thresholds"
        case .persistentConnections: return "persistent-conn"
        case .tunnelInfo: return "tun-info"
        case .noSort: return "nosort"
        case .sort: return "sort"
        case .ops: return "ops"
        case .numeric: return "numeric"
        case .schedulerFlags: return "sched-flags"
        case .syncID: return "syncid"
        case .syncMaxLength: return "sync-maxlen"
        case .multicastInterface: return "mcast-interface"
        case .multicastGroup: return "mcast-group"
        case .multicastPort: return "mcast-port"
        case .multicastTTL: return "mcast-ttl"
        case .json: return "json"
        }
    }

    /// The short letters (as ASCII bytes) that select this option; `-L` and `-l` both list.
    public var shortNames: [UInt8] {
        switch self {
        case .addService: return [UInt8(ascii: "A")]
        case .editService: return [UInt8(ascii: "E")]
        case .deleteService: return [UInt8(ascii: "D")]
        case .clear: return [UInt8(ascii: "C")]
        case .restore: return [UInt8(ascii: "R")]
        case .save: return [UInt8(ascii: "S")]
        case .addServer: return [UInt8(ascii: "a")]
        case .editServer: return [UInt8(ascii: "e")]
        case .deleteServer: return [UInt8(ascii: "d")]
        case .list: return [UInt8(ascii: "L"), UInt8(ascii: "l")]
        case .zero: return [UInt8(ascii: "Z")]
        case .help: return [UInt8(ascii: "h")]
        // Neither is in the help text; 1.31 accepts both.
        case .version: return [UInt8(ascii: "v")]
        case .exact: return [UInt8(ascii: "X")]
        case .tcpService: return [UInt8(ascii: "t")]
        case .udpService: return [UInt8(ascii: "u")]
        case .fwmarkService: return [UInt8(ascii: "f")]
        case .ipv6: return [UInt8(ascii: "6")]
        case .scheduler: return [UInt8(ascii: "s")]
        case .persistent: return [UInt8(ascii: "p")]
        case .netmask: return [UInt8(ascii: "M")]
        case .realServer: return [UInt8(ascii: "r")]
        case .gatewaying: return [UInt8(ascii: "g")]
        case .ipip: return [UInt8(ascii: "i")]
        case .masquerading: return [UInt8(ascii: "m")]
        case .weight: return [UInt8(ascii: "w")]
        case .upperThreshold: return [UInt8(ascii: "x")]
        case .lowerThreshold: return [UInt8(ascii: "y")]
        case .connection: return [UInt8(ascii: "c")]
        case .ops: return [UInt8(ascii: "o")]
        case .numeric: return [UInt8(ascii: "n")]
        case .schedulerFlags: return [UInt8(ascii: "b")]
        default: return []
        }
    }

    public var argumentKind: ArgumentKind {
        switch self {
        case .startDaemon, .stopDaemon,
             .tcpService, .udpService, .sctpService, .fwmarkService,
             .scheduler, .persistenceEngine, .netmask, .realServer,
             .tunnelType, .tunnelPort, .weight, .upperThreshold, .lowerThreshold, .schedulerFlags,
             .syncID, .syncMaxLength, .multicastInterface, .multicastGroup, .multicastPort, .multicastTTL:
            return .required
        case .persistent:
            return .optional
        default:
            return .none
        }
    }

    /// Whether this option selects the command rather than modifying it.
    public var isCommand: Bool {
        switch self {
        case .addService, .editService, .deleteService, .clear, .restore, .save,
             .addServer, .editServer, .deleteServer, .list, .zero,
             .setTimeouts, .startDaemon, .stopDaemon, .help, .version:
            return true
        default:
            return false
        }
    }

    static let byLongName: [[UInt8]: Option] = {
        var table: [[UInt8]: Option] = [:]
        for option in Option.allCases { table[Array(option.longName.utf8)] = option }
        return table
    }()

    /// The option of each short letter, indexed by its byte: a table rather than a dictionary,
    /// since every letter of every line of `-R` is looked up here.
    static let byShortName: [Option?] = {
        var table = [Option?](repeating: nil, count: 256)
        for option in Option.allCases {
            for letter in option.shortNames { table[Int(letter)] = option }
        }
        return table
    }()
}
