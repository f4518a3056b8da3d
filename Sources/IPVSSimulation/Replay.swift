import IPVSCore
import IPVSSchedulers

/// Plays replay events against a simulated director and says which real server each new
/// connection reaches, in the format `ipvs-sim replay` prints and checks outside depend on.
public struct Replay: Sendable {
    public private(set) var director: SimulatedDirector
    private let parser: CommandLineParser
    private var connections: [String: (service: ServiceKey, id: ConnectionID, sctp: Bool)] = [:]
    /// Opens that found no server: the kernel made no entry, so closing or expiring them is a no-op.
    private var unserved: Set<String> = []
    private var nextConnection: UInt64 = 0
    /// Seconds the clock has moved so far.
    private var elapsedSeconds: Int64 = 0
    /// How far the clock may run in all (2^50 s), so that no time in jiffies can overflow.
    public static let maximumElapsedSeconds: Int64 = 1 << 50

    public init(director: SimulatedDirector, resolver: any NameResolver) {
        self.director = director
        self.parser = CommandLineParser(resolver: resolver)
    }

    /// Applies a rules file in `ipvsadm -S` format, each line split into words exactly as
    /// `ipvsadm -R` splits it. Lines starting with `#` are skipped, as `ipvsadm-restore` does.
    public mutating func load(rules text: String) throws(SimulationError) {
        var lineNumber = 0
        for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.first == UInt8(ascii: "#") { continue }
            let words = RestoreLine.words(line)
            if words.isEmpty { continue }
            try rule(bytes: words, lineNumber: lineNumber)
        }
    }

    /// Plays one event; returns the line to print for an `open`, nil for the others.
    public mutating func play(_ event: ReplayEvent, lineNumber: Int) throws(SimulationError) -> String? {
        switch event {
        case .open(let name, let target, let client, let clientPort):
            if connections[name] != nil {
                throw SimulationError(line: lineNumber, "connection \(name) is already open")
            }
            unserved.remove(name)
            guard let key = director.serviceKey(for: target) else {
                unserved.insert(name)
                return "\(name) -"
            }
            let (packetProtocol, virtual, virtualPort) = Self.packet(target)
            if client.family != virtual.family {
                // An IPv4 client cannot reach an IPv6 address, nor the other way round.
                unserved.insert(name)
                return "\(name) -"
            }
            nextConnection += 1
            let id = ConnectionID(nextConnection)
            let outcome = try director.withService(key) { state throws(SimulationError) in
                do throws(ServiceStateError) {
                    return try state.open(
                        id, packetProtocol, client: NetAddress(client), clientPort: clientPort,
                        virtual: NetAddress(virtual), virtualPort: virtualPort)
                } catch {
                    throw SimulationError(line: lineNumber, "connection \(name) could not be opened")
                }
            }
            guard let chosen = outcome.destination,
                  let destination = director.services[key]?.destinations.destination(chosen)
            else {
                unserved.insert(name)
                return "\(name) -"
            }
            if packetProtocol == .sctp {
                // An open is a whole association: established, hence active.
                try director.withService(key) { state throws(SimulationError) in _ = state.establish(id) }
            }
            connections[name] = (key, id, packetProtocol == .sctp)
            let port = director.services[key]?.forwardedPort(to: chosen, virtualPort: virtualPort) ?? destination.port
            return "\(name) \(Self.text(IPAddress(destination.address), port: port))"
        case .close(let name):
            if unserved.contains(name) { return nil }
            let connection = try known(name, lineNumber)
            if connection.sctp {
                // SCTP has no half-close: the association ends, as with expire.
                return try play(.expire(id: name), lineNumber: lineNumber)
            }
            // A connection whose service was deleted since changes nothing that is left. One whose
            // server was deleted still closes: `ipvsadm -d` moves the kernel's destination to its
            // trash list, where it keeps its counters while connections reference it, and the
            // director drops only the CLIENT's packets of such a connection (the input path checks
            // that the destination is available); the real server's FIN takes the output path,
            // which does not, so the entry moves to FIN_WAIT and the trashed destination counts it
            // inactive. A re-add revives that same destination from the trash, counters included.
            if director.services[connection.service]?.connections[connection.id] != nil {
                try director.withService(connection.service) { state throws(SimulationError) in
                    _ = state.close(connection.id)
                }
            }
            return nil
        case .expire(let name):
            if unserved.remove(name) != nil { return nil }
            let connection = try known(name, lineNumber)
            // The kernel drops the reset of a connection whose server was deleted: its entry
            // stays, counted on the server (revived with it if the server is added again).
            if reachesItsServer(connection) {
                try director.withService(connection.service) { state throws(SimulationError) in
                    _ = state.expire(connection.id)
                }
            }
            connections[name] = nil
            return nil
        case .advance(let seconds):
            guard seconds >= 0, seconds <= Self.maximumElapsedSeconds - elapsedSeconds else {
                throw SimulationError(
                    line: lineNumber, "advance \(seconds): the clock would pass \(Self.maximumElapsedSeconds) seconds")
            }
            elapsedSeconds += seconds
            director.advance(seconds: seconds)
            return nil
        case .rule(let arguments):
            try rule(arguments, lineNumber: lineNumber)
            return nil
        }
    }

    private mutating func rule(_ arguments: [String], lineNumber: Int) throws(SimulationError) {
        try rule(bytes: arguments.map { Array($0.utf8) }, lineNumber: lineNumber)
    }

    private mutating func rule(bytes arguments: [[UInt8]], lineNumber: Int) throws(SimulationError) {
        let text = arguments.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
        let command: Command
        do {
            command = try parser.parse(bytes: arguments)
        } catch {
            let message = String(decoding: error.message(programName: Array("ipvsadm".utf8)), as: UTF8.self)
            throw SimulationError(line: lineNumber, "ipvsadm \(text): \(message)")
        }
        do {
            try director.apply(command)
        } catch {
            throw SimulationError(line: lineNumber, "ipvsadm \(text): \(error.message)")
        }
    }

    /// Whether the connection's service and real server are still there to see its packets.
    private func reachesItsServer(_ connection: (service: ServiceKey, id: ConnectionID, sctp: Bool)) -> Bool {
        guard let state = director.services[connection.service],
              let entry = state.connections[connection.id],
              let destination = state.destinations.destination(entry.destination)
        else { return false }
        return destination.isAvailable
    }

    private func known(_ name: String, _ lineNumber: Int) throws(SimulationError) -> (service: ServiceKey, id: ConnectionID, sctp: Bool) {
        guard let connection = connections[name] else {
            throw SimulationError(line: lineNumber, "no open connection \(name)")
        }
        return connection
    }

    private static func packet(_ target: ConnectionTarget) -> (PacketProtocol, IPAddress, UInt16) {
        switch target {
        case .address(let transport, let address, let port): return (PacketProtocol(transport), address, port)
        case .firewallMark(_, let address, let port): return (.tcp, address, port)
        }
    }

    /// ADDRESS:PORT as `ipvsadm -n` prints a real server (IPv6 in brackets).
    static func text(_ address: IPAddress, port: UInt16) -> String {
        let host = String(decoding: AddressText.numeric(address), as: UTF8.self)
        return address.family == .inet6 ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
