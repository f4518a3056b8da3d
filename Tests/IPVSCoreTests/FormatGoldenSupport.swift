#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import IPVSCore

/// Reads the outputs recorded from ipvsadm 1.31 by FormatGolden/record.sh, and rebuilds the table they
/// were listed from out of the same recording (the `--nosort` listings with `--exact` numbers).
enum FormatGolden {
    static let directory: String = {
        let file = #filePath
        let folder = file.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return folder + "/FormatGolden"
    }()

    static func bytes(_ path: String) -> [UInt8]? {
        guard let file = fopen(directory + "/" + path, "rb") else { return nil }
        defer { fclose(file) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, 65536, file) }
            if count <= 0 { break }
            result.append(contentsOf: chunk[0..<count])
        }
        return result
    }

    static func text(_ path: String) -> String? {
        bytes(path).map { String(decoding: $0, as: UTF8.self) }
    }

    static func files(in state: String) -> [String] {
        guard let dir = opendir(directory + "/" + state) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    static func lines(_ text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    static func words(_ line: Substring) -> [Substring] {
        line.split(separator: " ")
    }
}

/// Addresses as text, for rebuilding the recorded tables (test-only; not the grammar's parser).
enum TestAddress {
    static func parse(_ text: Substring) -> IPAddress? {
        if text.contains(":") { return parse6(text) }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard let octet = UInt8(part) else { return nil }
            value = value << 8 | UInt32(octet)
        }
        return IPAddress(ipv4: value)
    }

    static func parse6(_ text: Substring) -> IPAddress? {
        let halves = text.split(separator: ":", maxSplits: .max, omittingEmptySubsequences: false)
        var head: [UInt16] = [], tail: [UInt16] = []
        var seenGap = false
        var index = 0
        while index < halves.count {
            let part = halves[index]
            if part.isEmpty {
                if !seenGap, index + 1 < halves.count, halves[index + 1].isEmpty { index += 1 }
                seenGap = true
                index += 1
                continue
            }
            guard let word = UInt16(part, radix: 16) else { return nil }
            if seenGap { tail.append(word) } else { head.append(word) }
            index += 1
        }
        let fill = 8 - head.count - tail.count
        guard fill >= 0 else { return nil }
        let words = head + [UInt16](repeating: 0, count: fill) + tail
        var bytes: [UInt8] = []
        for word in words { bytes += [UInt8(word >> 8), UInt8(word & 0xFF)] }
        return IPAddress(bytes: bytes)
    }

    /// `192.0.2.1:80` or `[2001:db8::1]:80`.
    static func hostPort(_ text: Substring) -> (IPAddress, UInt16)? {
        guard let colon = text.lastIndex(of: ":") else { return nil }
        var host = text[..<colon]
        if host.hasPrefix("["), host.hasSuffix("]") { host = host.dropFirst().dropLast() }
        guard let address = parse(host), let port = UInt16(text[text.index(after: colon)...]) else { return nil }
        return (address, port)
    }
}

/// Names as the recording VM had them: its /etc/hosts (bind-mounted by record.sh) and /etc/services,
/// both captured next to the outputs; first match wins, as in glibc's files backend.
struct RecordedNames: NameResolver {
    var hosts: [IPAddress: String] = [:]
    var services: [String: String] = [:]

    init(state: String) {
        if let text = FormatGolden.text(state + "/etc-hosts.txt") {
            for line in FormatGolden.lines(text) {
                let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard fields.count >= 2, let address = TestAddress.parse(fields[0]) else { continue }
                if hosts[address] == nil { hosts[address] = String(fields[1]) }
            }
        }
        if let text = FormatGolden.text(state + "/etc-services.txt") {
            for line in FormatGolden.lines(text) {
                let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                let fields = content.split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard fields.count >= 2 else { continue }
                let key = String(fields[1])
                if services[key] == nil { services[key] = String(fields[0]) }
            }
        }
    }

    func addresses(forHost name: String, family: AddressFamily) -> [IPAddress] { [] }
    func port(forService name: String, protocol: TransportProtocol) -> UInt16? { nil }
    func hostName(for address: IPAddress) -> String? { hosts[address] }
    func serviceName(forPort port: UInt16, protocol transport: TransportProtocol) -> String? {
        let name: String
        switch transport {
        case .tcp: name = "tcp"
        case .udp: name = "udp"
        case .sctp: name = "sctp"
        }
        return services["\(port)/\(name)"]
    }
}

/// Rebuilds the table from the recorded `--nosort` listings (kernel order) of one state.
enum RecordedTable {
    struct Failure: Error, CustomStringConvertible { var description: String }

    static func info(_ listing: String) -> IPVSInfo? {
        guard let first = FormatGolden.lines(listing).first, first.hasPrefix("IP Virtual Server version ") else { return nil }
        let words = FormatGolden.words(first)
        guard words.count >= 6 else { return nil }
        let version = words[4].split(separator: ".").compactMap { UInt32($0) }
        let size = UInt32(words[5].dropFirst(6).dropLast()) ?? 0
        guard version.count == 3 else { return nil }
        return IPVSInfo(version: version[0] << 16 | version[1] << 8 | version[2], connectionTableSize: size)
    }

    /// The data rows of a listing: service lines and `  -> ` lines, headers dropped.
    static func rows(_ listing: String) -> [Substring] {
        FormatGolden.lines(listing).filter { line in
            if line.hasPrefix("  -> RemoteAddress") { return false }
            if line.hasPrefix("  -> ") { return true }
            return ["TCP ", "UDP ", "SCTP ", "FWM "].contains { line.hasPrefix($0) }
        }
    }

    static func load(state: String, prefix: String = "state") throws -> [ServiceListingEntry] {
        guard let plain = FormatGolden.text("\(state)/\(prefix)-nosort-n.txt") else {
            throw Failure(description: "no \(state)/\(prefix)-nosort-n.txt")
        }
        var entries = try parsePlain(rows(plain))
        func apply(_ file: String, _ body: (inout ServiceListingEntry, Int?, [Substring]) throws -> Void) throws {
            guard let text = FormatGolden.text("\(state)/\(prefix)-\(file).txt") else { return }
            let lines = rows(text)
            var row = 0
            for serviceIndex in entries.indices {
                guard row < lines.count else { throw Failure(description: "\(file): too few rows") }
                try body(&entries[serviceIndex], nil, FormatGolden.words(lines[row]))
                row += 1
                for serverIndex in entries[serviceIndex].realServers.indices {
                    guard row < lines.count else { throw Failure(description: "\(file): too few rows") }
                    try body(&entries[serviceIndex], serverIndex, FormatGolden.words(lines[row]))
                    row += 1
                }
            }
        }
        func numbers(_ words: [Substring], _ count: Int) throws -> [UInt64] {
            let tail = words.suffix(count).compactMap { UInt64($0) }
            guard tail.count == count else { throw Failure(description: "bad numbers in \(words)") }
            return tail
        }
        try apply("stats") { entry, server, words in
            let values = try numbers(words, 5)
            func set(_ stats: inout Statistics) {
                stats.connections = values[0]
                stats.incomingPackets = values[1]
                stats.outgoingPackets = values[2]
                stats.incomingBytes = values[3]
                stats.outgoingBytes = values[4]
            }
            if let server { set(&entry.realServers[server].statistics) } else { set(&entry.service.statistics) }
        }
        try apply("rate") { entry, server, words in
            let values = try numbers(words, 5)
            func set(_ stats: inout Statistics) {
                stats.connectionsPerSecond = values[0]
                stats.incomingPacketsPerSecond = values[1]
                stats.outgoingPacketsPerSecond = values[2]
                stats.incomingBytesPerSecond = values[3]
                stats.outgoingBytesPerSecond = values[4]
            }
            if let server { set(&entry.realServers[server].statistics) } else { set(&entry.service.statistics) }
        }
        try apply("thresholds") { entry, server, words in
            guard let server else { return }
            let values = try numbers(words, 4)
            entry.realServers[server].upperThreshold = UInt32(values[0])
            entry.realServers[server].lowerThreshold = UInt32(values[1])
        }
        try apply("persistent") { entry, server, words in
            guard let server else { return }
            let values = try numbers(words, 4)
            entry.realServers[server].persistentConnections = UInt32(values[1])
        }
        try apply("tun") { entry, server, words in
            guard let server, words.count >= 4 else { return }
            let info = words[3].split(separator: ":")
            guard let kind = info.first else { return }
            switch kind {
            case "gue":
                entry.realServers[server].tunnelType = .gue
                entry.realServers[server].tunnelPort = info.count > 1 ? UInt16(info[1]) ?? 0 : 0
            case "gre": entry.realServers[server].tunnelType = .gre
            default: entry.realServers[server].tunnelType = .ipip
            }
            switch info.last {
            case "+c": entry.realServers[server].tunnelFlags = .checksum
            case "r+c": entry.realServers[server].tunnelFlags = .remoteChecksum
            default: entry.realServers[server].tunnelFlags = []
            }
        }
        return entries
    }

    static func parsePlain(_ rows: [Substring]) throws -> [ServiceListingEntry] {
        var entries: [ServiceListingEntry] = []
        for row in rows {
            let words = FormatGolden.words(row)
            if row.hasPrefix("  -> ") {
                guard words.count >= 6, var entry = entries.popLast(),
                      let (address, port) = TestAddress.hostPort(words[1]),
                      let weight = Int32(words[3]), let active = UInt32(words[4]), let inactive = UInt32(words[5])
                else { throw Failure(description: "bad real server row \(row)") }
                let forwarding: ForwardingMethod
                switch words[2] {
                case "Masq": forwarding = .masquerade
                case "Tunnel": forwarding = .tunnel
                case "Local": forwarding = .local
                default: forwarding = .directRoute
                }
                entry.realServers.append(RealServer(
                    address: address, port: port, forwarding: forwarding, weight: weight,
                    activeConnections: active, inactiveConnections: inactive))
                entries.append(entry)
                continue
            }
            guard words.count >= 3 else { throw Failure(description: "bad service row \(row)") }
            var rest = words.dropFirst(2)
            let key: ServiceKey
            if words[0] == "FWM" {
                guard let mark = Int32(words[1]) else { throw Failure(description: "bad mark \(row)") }
                var family = AddressFamily.inet
                if rest.first == "IPv6" {
                    family = .inet6
                    rest = rest.dropFirst()
                }
                key = .firewallMark(UInt32(bitPattern: mark), family: family)
            } else {
                guard let (address, port) = TestAddress.hostPort(words[1]) else { throw Failure(description: "bad address \(row)") }
                let transport: TransportProtocol = words[0] == "TCP" ? .tcp : words[0] == "UDP" ? .udp : .sctp
                key = .address(transport, address, port: port)
            }
            guard let scheduler = rest.first else { throw Failure(description: "no scheduler \(row)") }
            var service = VirtualService(key: key, scheduler: String(scheduler))
            service.flags = [.hashed]
            var tokens = Array(rest.dropFirst())
            while !tokens.isEmpty {
                let word = tokens.removeFirst()
                if word.hasPrefix("(") {
                    let names = word.dropFirst().dropLast().split(separator: ",")
                    if names.isEmpty { service.flags.insert(.schedulerFlag3) }
                    for name in names {
                        if name.hasSuffix("fallback") || name == "flag-1" { service.flags.insert(.schedulerFlag1) }
                        if name.hasSuffix("-port") || name == "flag-2" { service.flags.insert(.schedulerFlag2) }
                        if name == "flag-3" { service.flags.insert(.schedulerFlag3) }
                    }
                } else if word == "persistent", let value = tokens.first.flatMap({ UInt32($0) }) {
                    tokens.removeFirst()
                    service.flags.insert(.persistent)
                    service.timeout = value
                } else if word == "mask", let value = tokens.first {
                    tokens.removeFirst()
                    if let prefix = UInt32(value) {
                        service.netmask = prefix
                    } else if let mask = TestAddress.parse(value) {
                        service.netmask = mask.ipv4Value
                    }
                } else if word == "pe", let value = tokens.first {
                    tokens.removeFirst()
                    service.persistenceEngine = String(value)
                } else if word == "ops" {
                    service.flags.insert(.onePacket)
                }
            }
            entries.append(ServiceListingEntry(service: service, realServers: []))
        }
        return entries
    }

    /// Listing options from a golden file's name: `L-n-stats-exact`, `L-nosort`, `one-…-n--tun-info`.
    static func options(_ name: String) -> ListingOptions {
        let parts = name.split(separator: "-")
        var options = ListingOptions()
        options.numeric = parts.contains("n")
        options.sorted = !parts.contains("nosort")
        options.statistics = parts.contains("stats")
        options.exact = parts.contains("exact")
        options.rate = parts.contains("rate")
        options.thresholds = parts.contains("thresholds")
        options.persistentConnections = parts.contains("persistent")
        options.tunnelInfo = parts.contains("tun")
        return options
    }
}

extension FormatGolden {
    /// With FORMAT_GOLDEN_DUMP=DIR set, keeps what the formatter printed, for diffing against the recording.
    static func dump(_ name: String, _ bytes: [UInt8]) {
        guard let dir = getenv("FORMAT_GOLDEN_DUMP") else { return }
        let path = String(cString: dir) + "/" + name.replacingSlashes() + ".txt"
        guard let file = fopen(path, "wb") else { return }
        _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        fclose(file)
    }
}

private extension String {
    func replacingSlashes() -> String { String(map { $0 == "/" ? "_" : $0 }) }
}
