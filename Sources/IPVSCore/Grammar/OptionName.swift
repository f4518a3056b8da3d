/// ipvsadm's names for its options in messages, in the order in which it checks them.
///
/// Several options share a name (`-t`, `-u`, `--sctp-service`, `-f` are all 'service-address';
/// `-g`, `-i`, `-m` are 'forwarding-method').
enum OptionName: String, CaseIterable, Comparable {
    case numeric
    case connection
    case serviceAddress = "service-address"
    case scheduler
    case persistent
    case netmask
    case realServer = "real-server"
    case forwardingMethod = "forwarding-method"
    case weight
    case upperThreshold = "u-threshold"
    case lowerThreshold = "l-threshold"
    case multicastInterface = "mcast-interface"
    case timeout
    case daemon
    case stats
    case rate
    case thresholds
    case persistentConnections = "persistent-conn"
    case noSort = "nosort"
    case syncID = "syncid"
    case exact
    case ops
    case persistenceEngine = "pe"
    case schedulerFlags = "sched-flags"
    case multicastGroup = "mcast-group"
    case multicastPort = "mcast-port"
    case multicastTTL = "mcast-ttl"
    case syncMaxLength = "sync-maxlen"
    case tunnelInfo = "tun-info"
    case tunnelType = "tun-type"
    case tunnelPort = "tun-port"
    case tunnelNoChecksum = "tun-nocsum"
    case tunnelChecksum = "tun-csum"
    case tunnelRemoteChecksum = "tun-remcsum"
    /// Not in 1.31: checked last, as a new bit after 1.31's would be.
    case json

    static func < (lhs: OptionName, rhs: OptionName) -> Bool {
        guard let left = allCases.firstIndex(of: lhs), let right = allCases.firstIndex(of: rhs) else { return false }
        return left < right
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

    static func allowed(for command: Option) -> Set<OptionName> {
        switch command {
        case .addService, .editService:
            return [.serviceAddress, .scheduler, .persistent, .netmask, .persistenceEngine, .schedulerFlags, .ops]
        case .deleteService, .zero:
            return [.serviceAddress]
        case .save:
            return [.numeric, .json]
        case .addServer, .editServer:
            return [.serviceAddress, .realServer, .forwardingMethod, .weight, .upperThreshold, .lowerThreshold,
                    .tunnelType, .tunnelPort, .tunnelNoChecksum, .tunnelChecksum, .tunnelRemoteChecksum]
        case .deleteServer:
            return [.serviceAddress, .realServer]
        case .list:
            return [.serviceAddress, .connection, .timeout, .daemon, .stats, .rate, .exact, .thresholds,
                    .persistentConnections, .tunnelInfo, .noSort, .numeric, .syncID, .json]
        case .startDaemon:
            return [.syncID, .syncMaxLength, .multicastInterface, .multicastGroup, .multicastPort, .multicastTTL]
        case .stopDaemon:
            return [.syncID]
        default:
            return []
        }
    }

    static func required(for command: Option) -> Set<OptionName> {
        switch command {
        case .addService, .editService, .deleteService: return [.serviceAddress]
        case .addServer, .editServer, .deleteServer: return [.serviceAddress, .realServer]
        default: return []
        }
    }
}
