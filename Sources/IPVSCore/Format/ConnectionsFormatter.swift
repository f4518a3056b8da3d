/// `ipvsadm -L -c`: the connection table, from the text of `/proc/net/ip_vs_conn` (the file 1.31 reads;
/// it does not use `ip_vs_conn_sync`).
///
/// The text is untrusted: fields are parsed with C `strtoul` semantics (hex addresses and ports keep
/// their low 32 and 16 bits, expiry wraps to 32 bits), and nothing in it can make the formatter trap.
public enum ConnectionsFormatter {
    /// What went wrong while reading the table.
    public enum Failure: Error, Sendable, Hashable {
        /// The file was empty: 1.31 prints `unexpected input from /proc/net/ip_vs_conn` on stderr, exits 1.
        case unexpectedInput
        /// A line that is not a connection: 1.31 stops there and exits 1 without a message.
        case malformedLine(Int)

        /// The message for stderr, if 1.31 prints one (without the trailing newline).
        public var message: String? {
            switch self {
            case .unexpectedInput: return "unexpected input from /proc/net/ip_vs_conn"
            case .malformedLine: return nil
            }
        }
    }

    /// The listing, and the failure that ended it early, if any (the output so far is still printed).
    /// - Parameters:
    ///   - procText: the bytes of `/proc/net/ip_vs_conn`, header line included.
    ///   - numeric: `-n`.
    ///   - persistenceEngineData: `--persistent-conn`: adds the `pe name` and `pe_data` columns.
    public static func format(
        procText: [UInt8], numeric: Bool, persistenceEngineData: Bool, names: any NameResolver
    ) -> (output: [UInt8], failure: Failure?) {
        guard !procText.isEmpty else { return ([], .unexpectedInput) }
        var writer = ByteWriter(capacity: procText.count)
        writer.text("IPVS connection entries\n")
        if persistenceEngineData {
            writer.text("pro expire state       source             virtual            destination        pe name          pe_data\n")
        } else {
            writer.text("pro expire state       source             virtual            destination\n")
        }
        let failure = forEachRow(procText) { row in
            appendRow(row, numeric: numeric, persistenceEngineData: persistenceEngineData, names: names, to: &writer)
        }
        return (writer.bytes, failure)
    }

    /// Calls `body` with each connection after the header line, in order, and stops at the first
    /// line that is not one (returning why); nil when every line was read.
    static func forEachRow(_ procText: [UInt8], _ body: (Row) -> Void) -> Failure? {
        var lineNumber = 0
        var start = 0
        while start < procText.count {
            // A last line without its newline still counts (recorded: no-final-newline).
            let end = procText[start...].firstIndex(of: UInt8(ascii: "\n")) ?? procText.count
            defer { start = end + 1 }
            lineNumber += 1
            if lineNumber == 1 { continue }
            guard let row = Row(procText[start..<end]) else { return .malformedLine(lineNumber) }
            body(row)
        }
        return nil
    }

    struct Row {
        var proto: ArraySlice<UInt8>
        var client: IPAddress, clientPort: UInt16
        var virtual: IPAddress, virtualPort: UInt16
        var destination: IPAddress, destinationPort: UInt16
        var state: ArraySlice<UInt8>
        var expires: UInt32
        var engine: ArraySlice<UInt8>?
        var engineData: ArraySlice<UInt8>?

        init?(_ line: ArraySlice<UInt8>) {
            let fields = line.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
            guard fields.count >= 9,
                  let client = Self.address(fields[1]), let clientPort = Self.hex(fields[2]),
                  let virtual = Self.address(fields[3]), let virtualPort = Self.hex(fields[4]),
                  let destination = Self.address(fields[5]), let destinationPort = Self.hex(fields[6]),
                  let expires = Self.unsigned(fields[8])
            else { return nil }
            proto = fields[0]
            self.client = client
            self.clientPort = UInt16(truncatingIfNeeded: clientPort)
            self.virtual = virtual
            self.virtualPort = UInt16(truncatingIfNeeded: virtualPort)
            self.destination = destination
            self.destinationPort = UInt16(truncatingIfNeeded: destinationPort)
            state = fields[7]
            self.expires = UInt32(truncatingIfNeeded: expires)
            engine = fields.count > 9 ? fields[9] : nil
            engineData = fields.count > 10 ? fields[10] : nil
        }

        /// `C0000201` (IPv4, hex) or `2001:0db8:…` (IPv6, eight hex groups).
        static func address(_ text: ArraySlice<UInt8>) -> IPAddress? {
            guard text.contains(UInt8(ascii: ":")) else {
                guard let value = hex(text) else { return nil }
                return IPAddress(ipv4: UInt32(truncatingIfNeeded: value))
            }
            let groups = text.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
            guard groups.count == 8 else { return nil }
            var high: UInt64 = 0
            var low: UInt64 = 0
            for (index, group) in groups.enumerated() {
                guard group.count <= 4, let value = hex(group) else { return nil }
                if index < 4 { high = high << 16 | value } else { low = low << 16 | value }
            }
            return IPAddress(family: .inet6, high: high, low: low)
        }

        /// `strtoul(…, 16)`: saturates on overflow; the caller keeps the low bits as 1.31's casts do.
        static func hex(_ text: ArraySlice<UInt8>) -> UInt64? {
            guard !text.isEmpty else { return nil }
            var value: UInt64 = 0
            for byte in text {
                let digit: UInt64
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt64(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt64(byte - UInt8(ascii: "A") + 10)
                default: return nil
                }
                let (shifted, overflow) = value.multipliedReportingOverflow(by: 16)
                value = overflow ? UInt64.max : shifted | digit
            }
            return value
        }

        /// `strtoul(…, 10)`: an optional sign, saturating on overflow, a minus negating modulo 2^64.
        static func unsigned(_ text: ArraySlice<UInt8>) -> UInt64? {
            var digits = text
            var negative = false
            if let first = digits.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
                negative = first == UInt8(ascii: "-")
                digits = digits.dropFirst()
            }
            guard !digits.isEmpty else { return nil }
            var value: UInt64 = 0
            var saturated = false
            for byte in digits {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
                if overflow1 || overflow2 { saturated = true }
                value = sum
            }
            if saturated { return UInt64.max }
            return negative ? 0 &- value : value
        }
    }

    static func transport(_ proto: ArraySlice<UInt8>) -> TransportProtocol? {
        if proto.elementsEqual("TCP".utf8) { return .tcp }
        if proto.elementsEqual("UDP".utf8) { return .udp }
        if proto.elementsEqual("SCTP".utf8) { return .sctp }
        return nil
    }

    static func appendRow(
        _ row: Row, numeric: Bool, persistenceEngineData: Bool, names: any NameResolver, to writer: inout ByteWriter
    ) {
        let transport = transport(row.proto)
        writer.left(Array(row.proto), 3)
        writer.byte(UInt8(ascii: " "))
        let start = writer.bytes.count
        writer.twoDigits(row.expires / 60)
        writer.byte(UInt8(ascii: ":"))
        writer.twoDigits(row.expires % 60)
        writer.spaces(6 - (writer.bytes.count - start))
        writer.byte(UInt8(ascii: " "))
        writer.left(Array(row.state), 11)
        writer.byte(UInt8(ascii: " "))
        let limit = AddressText.saveLimit
        writer.left(AddressText.hostPort(row.client, port: row.clientPort, protocol: transport,
                                         numeric: numeric, names: names, limit: limit), 18)
        writer.byte(UInt8(ascii: " "))
        writer.left(AddressText.hostPort(row.virtual, port: row.virtualPort, protocol: transport,
                                         numeric: numeric, names: names, limit: limit), 18)
        writer.byte(UInt8(ascii: " "))
        let destination = AddressText.hostPort(row.destination, port: row.destinationPort, protocol: transport,
                                               numeric: numeric, names: names, limit: limit)
        // Only a line with both a PE name and PE data gets the two columns (recorded: pe).
        if persistenceEngineData, let engine = row.engine, let data = row.engineData {
            writer.left(destination, 16)
            writer.byte(UInt8(ascii: " "))
            writer.left(Array(engine), 18)
            writer.byte(UInt8(ascii: " "))
            writer.text(Array(data))
        } else {
            writer.text(destination)
        }
        writer.byte(UInt8(ascii: "\n"))
    }
}
