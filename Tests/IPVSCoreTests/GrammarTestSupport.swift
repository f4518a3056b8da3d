@testable import IPVSCore

/// A resolver with a fixed table, standing in for the C library in grammar tests.
struct FixedResolver: NameResolver {
    func addresses(forHost name: String, family: AddressFamily) -> [IPAddress] {
        name == "localhost" && family == .inet ? [IPAddress(ipv4: 0x7F00_0001)] : []
    }

    func port(forService name: String, protocol proto: TransportProtocol) -> UInt16? {
        switch (name, proto) {
        case ("http", .tcp): return 80
        case ("domain", .tcp), ("domain", .udp): return 53
        default: return nil
        }
    }

    func hostName(for address: IPAddress) -> String? { nil }
    func serviceName(forPort port: UInt16, protocol proto: TransportProtocol) -> String? { nil }
}

enum Grammar {
    static let parser = CommandLineParser(resolver: FixedResolver())

    static func parse(_ words: String...) throws(ParseError) -> Command {
        try parser.parse(words)
    }

    static func parse(bytes words: [[UInt8]]) throws(ParseError) -> Command {
        try parser.parse(bytes: words)
    }

    /// What ipvsadm (as argv[0] "ipvsadm") writes on stderr for a refused line, or nil if accepted.
    static func error(_ words: String...) -> String? {
        do {
            _ = try parser.parse(words)
            return nil
        } catch {
            return String(decoding: error.message(programName: Array("ipvsadm".utf8)), as: UTF8.self)
        }
    }

    static func status(_ words: String...) -> Int32? {
        do {
            _ = try parser.parse(words)
            return nil
        } catch {
            return error.exitStatus
        }
    }

    static func ipv4(_ text: String) -> IPAddress {
        var value: UInt32 = 0
        for part in text.split(separator: ".") { value = value << 8 | (UInt32(part) ?? 0) }
        return IPAddress(ipv4: value)
    }
}
