/// One ipvsadm invocation, as the grammar understands it: what to do and with which values.
public enum Command: Sendable, Hashable {
    /// `-A`: add a virtual service.
    case addService(VirtualService)
    /// `-E`: replace a virtual service's scheduling settings (unset options return to defaults).
    case editService(VirtualService)
    /// `-D`: delete a virtual service and its real servers.
    case deleteService(ServiceKey)
    /// `-C`: delete every virtual service.
    case clear
    /// `-R`: read further invocations from standard input, one per line.
    case restore
    /// `-S`: print the table as `-A`/`-a` lines, or with `--json` (ours) as a JSON document.
    case save(numeric: Bool, json: Bool = false)
    /// `-a`: add a real server to a virtual service.
    case addServer(ServiceKey, RealServer)
    /// `-e`: replace a real server's settings.
    case editServer(ServiceKey, RealServer)
    /// `-d`: remove a real server (only its address and port matter).
    case deleteServer(ServiceKey, RealServer)
    /// `-L`/`-l`, and ipvsadm with no arguments.
    case list(ListRequest)
    /// `-Z`: zero the counters of one service, or of all.
    case zero(ServiceKey?)
    /// `--set tcp tcpfin udp`.
    case setTimeouts(Timeouts)
    /// `--start-daemon master|backup`.
    case startDaemon(SyncDaemon)
    /// `--stop-daemon master|backup` (a `--syncid` given with it is accepted and ignored).
    case stopDaemon(SyncDaemonState)
    /// `-h`/`--help`: print the usage text.
    case help
    /// `--version`: print the version line.
    case version
}

/// What `-L` should print.
public struct ListRequest: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        /// The virtual server table, or one service of it.
        case services
        /// `-c`: the connection table.
        case connections
        /// `--timeout`: the three timeouts.
        case timeouts
        /// `--daemon`: the sync daemons.
        case daemons
    }

    public var content: Content
    /// A single service to list (`-L -t …`), or nil for the whole table.
    public var service: ServiceKey?
    public var options: ListingOptions

    public init(content: Content = .services, service: ServiceKey? = nil, options: ListingOptions = ListingOptions()) {
        self.content = content
        self.service = service
        self.options = options
    }
}
