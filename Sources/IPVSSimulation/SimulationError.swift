import IPVSCore

/// Why the simulator could not apply a rule or play an event; the message names what the kernel
/// (or ipvsadm) would have refused.
public struct SimulationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 1-based line in the file being read, when there is one.
    public var line: Int?
    public var message: String

    public init(line: Int? = nil, _ message: String) {
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "line \(line): \(message)" }
        return message
    }
}
