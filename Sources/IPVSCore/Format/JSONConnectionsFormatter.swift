/// `ipvsadm -L -c --json`: the connection table of `/proc/net/ip_vs_conn` as a JSON document of
/// schema `ipvsadm-json/1`, read by the same row parser as `-L -c`.
public enum JSONConnectionsFormatter {
    /// The document, or the failure `-L -c` would report. Unlike the text listing, a table that
    /// cannot be read to its end prints no partial document: the caller prints only the failure.
    public static func format(procText: [UInt8]) -> Result<[UInt8], ConnectionsFormatter.Failure> {
        guard !procText.isEmpty else { return .failure(.unexpectedInput) }
        var json = JSONWriter(style: .pretty, capacity: procText.count * 2)
        var failure: ConnectionsFormatter.Failure?
        json.object {
            $0.field("schema", JSONListingFormatter.schema)
            $0.key("connections")
            $0.array { list in
                failure = ConnectionsFormatter.forEachRow(procText) { row in list.object { appendRow(row, to: &$0) } }
            }
        }
        if let failure { return .failure(failure) }
        json.newline()
        return .success(json.bytes)
    }

    static func appendRow(_ row: ConnectionsFormatter.Row, to json: inout JSONWriter) {
        json.field("protocol", String(decoding: row.proto.map(lowercased), as: UTF8.self))
        json.field("client_address", JSONListingFormatter.numericText(row.client))
        json.field("client_port", row.clientPort)
        json.field("virtual_address", JSONListingFormatter.numericText(row.virtual))
        json.field("virtual_port", row.virtualPort)
        json.field("destination_address", JSONListingFormatter.numericText(row.destination))
        json.field("destination_port", row.destinationPort)
        json.key("state")
        json.string(utf8: row.state)
        json.field("expires", row.expires)
        // As `-L -c --persistent-conn`, the engine's columns count only when both are there.
        if let engine = row.engine, let data = row.engineData {
            json.key("persistence_engine")
            json.string(utf8: engine)
            json.key("persistence_engine_data")
            json.string(utf8: data)
        } else {
            json.key("persistence_engine")
            json.null()
            json.key("persistence_engine_data")
            json.null()
        }
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }
}
