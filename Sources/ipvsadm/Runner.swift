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
        run(parse(words), restoring: restoring)
    }

    private func parse(_ words: [[UInt8]]) -> Result<Command, ParseError> {
        let parser = CommandLineParser(resolver: names)
        do {
            return .success(try parser.parse(bytes: words))
        } catch {
            return .failure(error)
        }
    }

    private func run(_ parsed: Result<Command, ParseError>, restoring: Bool) -> Outcome {
        let command: Command
        switch parsed {
        case .success(let parsedCommand): command = parsedCommand
        case .failure(let error):
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
            if let request = command.request {
                try client.perform(request)
                return .success
            }
            switch command {
            case .save(let numeric, let json):
                if json {
                    writeAll(1, JSONListingFormatter.save(try entries()))
                } else {
                    try stream(services: try client.serviceList(statistics: false), sorted: true) { service, servers, output in
                        SaveFormatter.appendEntry(service, realServers: servers, numeric: numeric, names: names, to: &output)
                    }
                }
            case .list(let request):
                return try list(request)
            default:
                break
            }
            return .success
        } catch let error as KernelError {
            return report(error)
        } catch {
            writeError("\(error)\n")
            return Outcome(status: 255, stop: false)
        }
    }

    /// 1.31's message for a request the kernel refused.
    private func report(_ error: KernelError) -> Outcome {
        writeError((error.ipvsadmMessage ?? strerrorText(error.errno)) + "\n")
        return Outcome(status: 255, stop: false)
    }

    private func entries() throws -> [ServiceListingEntry] {
        try client.services().map { service in
            ServiceListingEntry(service: service, realServers: try client.realServers(of: service.key))
        }
    }

    /// Writes a listing service by service: each service's real servers are read just before it
    /// is formatted, and the output leaves in blocks, so memory holds the services (compactly),
    /// one service's servers and one block, however large the table.
    private func stream(
        services: ServiceList, sorted: Bool, header: [UInt8] = [],
        entry: (VirtualService, [RealServer], inout [UInt8]) -> Void
    ) throws {
        var output = header
        output.reserveCapacity(Self.outputBlock + 4096)
        let order = sorted ? services.listingOrder() : (0..<Int32(truncatingIfNeeded: services.count)).map { $0 }
        for position in order {
            let service = services[Int(position)]
            entry(service, try client.realServers(of: service.key), &output)
            if output.count >= Self.outputBlock {
                writeAll(1, output)
                output.removeAll(keepingCapacity: true)
            }
        }
        writeAll(1, output)
    }

    /// Output written at a time by a streamed listing.
    static let outputBlock = 1 << 14

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
            } else if request.options.json {
                let info = try client.info()
                writeAll(1, JSONListingFormatter.listing(try entries(), info: info, sorted: request.options.sorted))
            } else {
                let options = request.options
                var header: [UInt8] = []
                ListingFormatter.appendHeader(info: try client.info(), options: options, to: &header)
                let services = try client.serviceList(statistics: ListingFormatter.printsStatistics(options))
                try stream(services: services, sorted: options.sorted, header: header) { service, servers, output in
                    ListingFormatter.appendEntry(service, realServers: servers, options: options, names: names, to: &output)
                }
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

    /// `-R`: each line of standard input is a command line, run in order as 1.31 runs them.
    ///
    /// Changes are not sent one round trip each: up to `restoreBatch` of them are queued and sent
    /// pipelined, and their refusals printed in line order when the acks come back. The queue is
    /// applied before any other line (a listing must see the changes before it, and any message
    /// follows theirs), before waiting for more input (a line is applied as soon as it has
    /// arrived, as 1.31 does), and at the end. Memory stays bounded by the queue and one chunk
    /// of input, however long the file.
    private func restore() -> Outcome {
        var status: Int32 = 0
        var pending: [IPVSRequest] = []
        pending.reserveCapacity(Self.restoreBatch)
        func apply() {
            guard !pending.isEmpty else { return }
            status = applyPipelined(pending)
            pending.removeAll(keepingCapacity: true)
        }
        var reader = LineReader(fd: 0)
        while let line = reader.nextLine(beforeWaiting: apply) {
            let words = RestoreLine.words(line)
            if words.isEmpty { continue }
            let parsed = parse(words)
            if case .success(let command) = parsed, let request = command.request {
                pending.append(request)
                if pending.count >= Self.restoreBatch { apply() }
                continue
            }
            apply()
            let outcome = run(parsed, restoring: true)
            if outcome.stop { return outcome }
            status = outcome.status
        }
        apply()
        return Outcome(status: status, stop: true)
    }

    /// Changes queued by `-R` before they are sent: one datagram's worth.
    static let restoreBatch = 128

    /// Sends the changes pipelined, prints each refusal in order, and returns the status of the
    /// last one, as if each had been run alone.
    private func applyPipelined(_ requests: [IPVSRequest]) -> Int32 {
        let results: [Result<Void, KernelError>]
        do {
            results = try client.performBatch(requests)
        } catch let error as KernelError {
            return report(error).status
        } catch {
            writeError("\(error)\n")
            return 255
        }
        var status: Int32 = 0
        for result in results {
            switch result {
            case .success: status = 0
            case .failure(let error): status = report(error).status
            }
        }
        return status
    }
}

/// Reads standard input line by line without waiting for its end.
struct LineReader {
    let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false

    init(fd: Int32) { self.fd = fd }

    /// The next line, or nil at the end; `beforeWaiting` runs before each read of more input.
    mutating func nextLine(beforeWaiting: () -> Void = {}) -> [UInt8]? {
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
            beforeWaiting()
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
