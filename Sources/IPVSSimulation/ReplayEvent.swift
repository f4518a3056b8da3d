import IPVSCore

/// One line of an `ipvs-sim replay` events file.
public enum ReplayEvent: Sendable, Hashable {
    /// `open ID PROTO CLIENT:PORT VIRTUAL:PORT`, PROTO being tcp, udp, sctp or fwmark=N.
    case open(id: String, target: ConnectionTarget, client: IPAddress, clientPort: UInt16)
    /// `close ID`: the connection leaves the established state and counts as inactive.
    case close(id: String)
    /// `expire ID`: its entry is gone.
    case expire(id: String)
    /// `advance SECONDS`.
    case advance(seconds: Int64)
    /// `rule ARGS`: an ipvsadm command in `-S` syntax.
    case rule(arguments: [String])
}

extension ReplayEvent {
    /// Parses one line; nil for a blank or comment line.
    public static func parse(_ line: Substring, lineNumber: Int, resolver: any NameResolver) throws(SimulationError) -> ReplayEvent? {
        let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let words = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
        guard let verb = words.first else { return nil }
        func fail(_ message: String) -> SimulationError { SimulationError(line: lineNumber, message) }
        func expectCount(_ count: Int, _ usage: String) throws(SimulationError) {
            guard words.count == count else { throw fail("expected `\(usage)`") }
        }
        switch verb {
        case "open":
            try expectCount(5, "open ID PROTO CLIENT:PORT VIRTUAL:PORT")
            let target: ConnectionTarget
            do {
                target = try ConnectionTarget.parse(protocol: words[2], endpoint: words[4], resolver: resolver)
            } catch {
                throw fail(error.message)
            }
            guard let client = Endpoint.parse(words[3], protocol: target.transport, resolver: resolver) else {
                throw fail("bad client address \(words[3])")
            }
            return .open(id: words[1], target: target, client: client.address, clientPort: client.port)
        case "close":
            try expectCount(2, "close ID")
            return .close(id: words[1])
        case "expire":
            try expectCount(2, "expire ID")
            return .expire(id: words[1])
        case "advance":
            try expectCount(2, "advance SECONDS")
            guard let seconds = Int64(words[1]), seconds >= 0, seconds <= 1 << 40 else {
                throw fail("bad number of seconds \(words[1])")
            }
            return .advance(seconds: seconds)
        case "rule":
            guard words.count > 1 else { throw fail("expected `rule ARGS`") }
            return .rule(arguments: Array(words.dropFirst()))
        default:
            throw fail("unknown event \(verb) (open, close, expire, advance or rule)")
        }
    }
}
