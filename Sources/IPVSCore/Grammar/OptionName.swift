/// ipvsadm's names for its options in messages, in the order in which it checks them.
///
/// Several options share a name (`-t`, `-u`, `--sctp-service`, `-f` are all 'service-address';
/// `-g`, `-i`, `-m` are 'forwarding-method'). The raw value is the position in that order, and
/// the bit an option name has in `OptionNames`.
enum OptionName: Int, CaseIterable, Comparable {
    case numeric
    case connection
    case serviceAddress
    case scheduler
    case persistent
    case netmask
    case realServer
    case forwardingMethod
    case weight
    case upperThreshold
    case lowerThreshold
    case multicastInterface
    case timeout
    case daemon
    case stats
    case rate
    case thresholds
    case persistentConnections
    case noSort
    case syncID
    case exact
    case ops
    case persistenceEngine
    case schedulerFlags
    case multicastGroup
    case multicastPort
    case multicastTTL
    case syncMaxLength
    case tunnelInfo
    case tunnelType
    case tunnelPort
    case tunnelNoChecksum
    case tunnelChecksum
    case tunnelRemoteChecksum
    /// Not in 1.31: checked last, as a new bit after 1.31's would be.
    case json

    /// The name in ipvsadm's messages.
    var text: String {
        switch self {
        case .numeric: return "numeric"
        case .connection: return "connection"
        case .serviceAddress: return "service-address"
        case .scheduler: return "scheduler"
        case .persistent: return "persistent"
        case .netmask: return "netmask"
        case .realServer: return "real-server"
        case .forwardingMethod: return "forwarding-method"
        case .weight: return "weight"
        case .upperThreshold: return "u-threshold"
        case .lowerThreshold: return "l-threshold"
        case .multicastInterface: return "mcast-interface"
        case .timeout: return "timeout"
        case .daemon: return "daemon"
        case .stats: return "stats"
        case .rate: return "rate"
        case .thresholds: return "thresholds"
        case .persistentConnections: return "persistent-conn"
        case .noSort: return "nosort"
        case .syncID: return "syncid"
        case .exact: return "exact"
        case .ops: return "ops"
        case .persistenceEngine: return "pe"
        case .schedulerFlags: return "sched-flags"
        case .multicastGroup: return "mcast-group"
        case .multicastPort: return "mcast-port"
        case .multicastTTL: return "mcast-ttl"
        case .syncMaxLength: return "sync-maxlen"
        case .tunnelInfo: return "tun-info"
        case .tunnelType: return "tun-type"
        case .tunnelPort: return "tun-port"
        case .tunnelNoChecksum: return "tun-nocsum"
        case .tunnelChecksum: return "tun-csum"
        case .tunnelRemoteChecksum: return "tun-remcsum"
        case .json: return "json"
        }
    }

    /// The option name whose message text is `text`.
    init?(text: String) {
        guard let name = Self.allCases.first(where: { $0.text == text }) else { return nil }
        self = name
    }

    static func < (lhs: OptionName, rhs: OptionName) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// The name under which an option is tracked; nil for `-6`, `--sort` and the commands.
    init?(_ option: Option) {
        switch option {
        case .tcpService, .udpService, .sctpService, .fwmarkService: self = .serviceAddress
        case .scheduler: self = .scheduler
        case .persistenceEngine: self = .persistenceEngine
        case .persistent: self = .persistent
        case .netmask: self = .netmask
        case .realServer: self = .realServer
        case .gatewaying, .ipip, .masquerading: self = .forwardingMethod
        case .tunnelType: self = .tunnelType
        case .tunnelPort: self = .tunnelPort
        case .tunnelNoChecksum: self = .tunnelNoChecksum
        case .tunnelChecksum: self = .tunnelChecksum
        case .tunnelRemoteChecksum: self = .tunnelRemoteChecksum
        case .weight: self = .weight
        case .upperThreshold: self = .upperThreshold
        case .lowerThreshold: self = .lowerThreshold
        case .connection: self = .connection
        case .timeout: self = .timeout
        case .daemon: self = .daemon
        case .stats: self = .stats
        case .rate: self = .rate
        case .exact: self = .exact
        case .thresholds: self = .thresholds
        case .persistentConnections: self = .persistentConnections
        case .tunnelInfo: self = .tunnelInfo
        case .noSort: self = .noSort
        case .ops: self = .ops
        case .numeric: self = .numeric
        case .schedulerFlags: self = .schedulerFlags
        case .syncID: self = .syncID
        case .syncMaxLength: self = .syncMaxLength
        case .multicastInterface: self = .multicastInterface
        case .multicastGroup: self = .multicastGroup
        case .multicastPort: self = .multicastPort
        case .multicastTTL: self = .multicastTTL
        case .json: self = .json
        default: return nil
        }
    }
}

/// Which options each command accepts and needs, as ipvsadm 1.31 checks them.
enum CommandRules {
    static func name(of command: Option) -> String {
        // 1.31 names -C "flush" in its messages, though its long option is --clear.
        command == .clear ? "flush" : command.longName
    }

    /// The options `command` accepts.
    static func allowed(for command: Option) -> OptionNames {
        switch command {
        case .addService, .editService: return serviceOptions
        case .deleteService, .zero: return serviceKey
        case .save: return saveOptions
        case .addServer, .editServer: return serverOptions
        case .deleteServer: return serverKey
        case .list: return listOptions
        case .startDaemon: return startDaemonOptions
        case .stopDaemon: return stopDaemonOptions
        default: return []
        }
    }

    /// The options `command` cannot do without.
    static func required(for command: Option) -> OptionNames {
        switch command {
        case .addService, .editService, .deleteService: return serviceKey
        case .addServer, .editServer, .deleteServer: return serverKey
        default: return []
        }
    }

    // Built once: `allowed` and `required` are asked for on every line of `-R`.
    private static let serviceOptions: OptionNames = [
        .serviceAddress, .scheduler, .persistent, .netmask, .persistenceEngine, .schedulerFlags, .ops]
    private static let saveOptions: OptionNames = [.numeric, .json]
    private static let serverOptions: OptionNames = [
        .serviceAddress, .realServer, .forwardingMethod, .weight, .upperThreshold, .lowerThreshold,
        .tunnelType, .tunnelPort, .tunnelNoChecksum, .tunnelChecksum, .tunnelRemoteChecksum]
    private static let serviceKey: OptionNames = [.serviceAddress]
    private static let serverKey: OptionNames = [.serviceAddress, .realServer]
    private static let listOptions: OptionNames = [
        .serviceAddress, .connection, .timeout, .daemon, .stats, .rate, .exact, .thresholds,
        .persistentConnections, .tunnelInfo, .noSort, .numeric, .syncID, .json]
    private static let startDaemonOptions: OptionNames = [
        .syncID, .syncMaxLength, .multicastInterface, .multicastGroup, .multicastPort, .multicastTTL]
    private static let stopDaemonOptions: OptionNames = [.syncID]
}
