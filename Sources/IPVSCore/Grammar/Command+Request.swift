extension Command {
    /// The one kernel request that carries out this command, or nil for a command that reads the
    /// table, prints, or does something else.
    ///
    /// `-R` queues these and sends them pipelined; anything else first waits for the queued
    /// changes to be applied, so that it sees them and its output follows their messages.
    public var request: IPVSRequest? {
        switch self {
        case .addService(let service): return .addService(service)
        case .editService(let service): return .editService(service)
        case .deleteService(let key): return .deleteService(key)
        case .clear: return .flush
        case .addServer(let key, let server): return .addRealServer(key, server)
        case .editServer(let key, let server): return .editRealServer(key, server)
        case .deleteServer(let key, let server): return .deleteRealServer(key, address: server.address, port: server.port)
        case .zero(let key): return .zero(key)
        case .setTimeouts(let timeouts): return .setTimeouts(timeouts)
        case .startDaemon(let daemon): return .startDaemon(daemon)
        case .stopDaemon(let state): return .stopDaemon(state)
        case .restore, .save, .list, .help, .version: return nil
        }
    }
}
