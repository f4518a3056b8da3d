#if canImport(Glibc)
import Glibc
#endif
import IPVSCore

/// Carries out parsed commands against a client and prints what 1.31 prints.
struct Runner {
    let client: any IPVSClient
    let names: any NameResolver
    let programName: [UInt8]

    /// Parses and runs one command line; `restoring` is true for the lines of `-R`.
    func run(_ words: [[UInt8]], restoring: Bool) -> Outcome {
        let parser = CommandLineParser(resolver: names)
        let command: Command
        do {
            command = try parser.parse(bytes: words)
        } catch {
            writeAll(2, error.message(programName: programName))
            return Outcome(status: error.exitStatus, stop: !(restoring && error.restoreContinues))
        }
        switch command {
        case .help:
            writeAll(1, HelpText.usage(programName: programName))
            return Outcome(status: 0, stop: true)
        case .version:
            writeAll(1, HelpText.versionLine)
            return Outcome(status: 0, stop: true)
        case .restore:
            if restoring {
                writeAll(2, ParseError.tryHelp.message(programName: programName))
                return Outcome(status: 255, stop: true)
            }
            return restore()
        default:
            return execute(command)
        }
    }

    private func execute(_ command: Command) -> Outcome {
        do {
            switch command {
            case .addService(let service): try client.perform(.addService(service))
            case .editService(let service): try client.perform(.editService(service))
            case .deleteService(let key): try client.perform(.deleteService(key))
            case .clear: try client.perform(.flush)
            case .addServer(let key, let server): try client.perform(.addRealServer(key, server))
            case .editServer(let key, let server): try client.perform(.editRealServer(key, server))
            case .deleteServer(let key, let server):
                try client.perform(.deleteRealServer(key, address: server.address, port: server.port))
            case .zero(let key): try client.perform(.zero(key))
            case .setTimeouts(let timeouts): try client.perform(.setTimeouts(timeouts))
            case .startDaemon(let daemon): try client.perform(.startDaemon(daemon))
            case .stopDaemon(let state): try client.perform(.stopDaemon(state))
            case .save(let numeric, let json):
                let entries = try entries()
                writeAll(1, json ? JSONListingFormatter.save(entries)
                    : SaveFormatter.format(entries, numeric: numeric, names: names))
            case .list(let request):
                return try list(request)
            case .help, .version, .restore:
                break
            }
            return .success
        } catch let error as KernelError {
            writeError((error.ipvsadmMessage ?? strerrorText(error.errno)) + "\n")
            return Outcome(status: 255, stop: false)
        } catch {
            writeError("\(error)\n")
            return Outcome(status: 255, stop: false)
        }
    }

    private func entries() throws -> [ServiceListingEntry] {
        try client.services().map { service in
            ServiceListingEntry(service: service, realServers: try client.realServers(of: service.key))
        }
    }

    private func list(_ request: ListRequest) throws -> Outcome {
        switch request.content {
        case .services:
            if let key = request.service {
                let service: VirtualService
                do {
                    service = try client.service(key)
                } catch let error as KernelError {
                    writeError((error.ipvsadmMessage ?? strerrorText(error.errno)) + "\n")
                    return Outcome(status: 1, stop: true)
                }
                let entry = ServiceListingEntry(service: service, realServers: try client.realServers(of: key))
                writeAll(1, request.options.json
                    ? JSONListingFormatter.listing([entry], info: nil, sorted: request.options.sorted)
                    : ListingFormatter.format([entry], info: nil, options: request.options, names: names))
            } else {
                let info = try client.info()
                let entries = try entries()
                writeAll(1, request.options.json
                    ? JSONListingFormatter.listing(entries, info: info, sorted: request.options.sorted)
                    : ListingFormatter.format(entries, info: info, options: request.options, names: names))
            }
        case .timeouts:
            let timeouts = try client.timeouts()
            writeAll(1, request.options.json ? JSONTimeoutsFormatter.timeouts(timeouts) : TimeoutsFormatter.format(timeouts))
        case .daemons:
            let daemons = try client.daemons()
            writeAll(1, request.options.json ? JSONTimeoutsFormatter.daemons(daemons) : DaemonsFormatter.format(daemons))
        case .connections:
            let text = readFile("/proc/net/ip_vs_conn")
            if request.options.json {
                switch JSONConnectionsFormatter.format(procText: text) {
                case .success(let document):
                    writeAll(1, document)
                case .failure(let failure):
                    if let message = failure.message { writeError(message + "\n") }
                    return Outcome(status: 1, stop: true)
                }
                return .success
            }
            let result = ConnectionsFormatter.format(
                procText: text, numeric: request.options.numeric,
                persistenceEngineData: request.options.persistentConnections, names: names)
            writeAll(1, result.output)
            if let failure = result.failure {
                if let message = failure.message { writeError(message + "\n") }
                return Outcome(status: 1, stop: true)
            }
        }
        return .success
    }

    private func readFile(_ path: String) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            result.append(contentsOf: buffer[0..<count])
        }
        return result
    }

    /// `-R`: each line of standard input is a command line, read and run as it arrives.
    private func restore() -> Outcome {
        var status: Int32 = 0
        var reader = LineReader(fd: 0)
        while let line = reader.nextLine() {
            let words = RestoreLine.words(line)
            if words.isEmpty { continue }
            let outcome = run(words, restoring: true)
            if outcome.stop { return outcome }
            status = outcome.status
        }
        return Outcome(status: status, stop: true)
    }
}

/// Reads standard input line by line without waiting for its end.
struct LineReader {
    let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false

    init(fd: Int32) { self.fd = fd }

    mutating func nextLine() -> [UInt8]? {
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[start..<newline])
                start = newline + 1
                if start > 65536 {
                    buffer.removeFirst(start)
                    start = 0
                }
                return line
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = Array(buffer[start...])
                start = buffer.count
                return line
            }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 {
                atEnd = true
            } else {
                buffer.append(contentsOf: chunk[0..<count])
            }
        }
    }
}
