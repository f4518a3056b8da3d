/// Appends ipvsadm's printf-style fields to a byte buffer without Foundation or per-field Strings.
///
/// Every formatter writes into one `[UInt8]`; the CLI hands it to `write(2)` unchanged.
struct ByteWriter {
    var bytes: [UInt8]

    init(capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Runs `body` with a writer over `output`'s own storage, so that a caller's array is
    /// appended to in place rather than copied into a writer and back.
    static func appending(to output: inout [UInt8], _ body: (inout ByteWriter) -> Void) {
        var writer = ByteWriter()
        swap(&writer.bytes, &output)
        body(&writer)
        swap(&writer.bytes, &output)
    }

    @inline(__always) mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func text(_ value: StaticString) {
        value.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func text(_ value: String) { bytes.append(contentsOf: value.utf8) }

    mutating func text(_ value: [UInt8]) { bytes.append(contentsOf: value) }

    mutating func spaces(_ count: Int) {
        if count > 0 { bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count)) }
    }

    /// `%-Ns`: the bytes, then spaces up to `width`; longer values overflow the column.
    mutating func left(_ value: [UInt8], _ width: Int) {
        bytes.append(contentsOf: value)
        spaces(width - value.count)
    }

    mutating func left(_ value: StaticString, _ width: Int) {
        text(value)
        spaces(width - value.utf8CodeUnitCount)
    }

    /// `%Ns`: spaces, then the bytes.
    mutating func right(_ value: [UInt8], _ width: Int) {
        spaces(width - value.count)
        bytes.append(contentsOf: value)
    }

    /// `%llu`: digits appended most significant first, by the power of ten of the first one
    /// (reversing a slice afterwards copied it: a listing prints several numbers per line).
    mutating func decimal(_ value: UInt64) {
        var divisor: UInt64 = 1
        while value / divisor >= 10 { divisor &*= 10 }
        var rest = value
        repeat {
            bytes.append(UInt8(truncatingIfNeeded: rest / divisor) &+ 48)
            rest %= divisor
            divisor /= 10
        } while divisor != 0
    }

    /// `%d`.
    mutating func decimal(_ value: Int64) {
        if value < 0 {
            byte(UInt8(ascii: "-"))
            decimal(value.magnitude)
        } else {
            decimal(UInt64(value))
        }
    }

    mutating func decimal(_ value: UInt32) { decimal(UInt64(value)) }
    mutating func decimal(_ value: Int32) { decimal(Int64(value)) }
    mutating func decimal(_ value: UInt16) { decimal(UInt64(value)) }

    /// `%-Nu` / `%-Nd`.
    mutating func leftDecimal(_ value: UInt64, _ width: Int) {
        let start = bytes.count
        decimal(value)
        spaces(width - (bytes.count - start))
    }

    mutating func leftDecimal(_ value: Int64, _ width: Int) {
        let start = bytes.count
        decimal(value)
        spaces(width - (bytes.count - start))
    }

    /// `%Nllu`.
    mutating func rightDecimal(_ value: UInt64, _ width: Int) {
        spaces(width - Self.digitCount(value))
        decimal(value)
    }

    /// `%02u`.
    mutating func twoDigits(_ value: UInt32) {
        if value < 10 { byte(UInt8(ascii: "0")) }
        decimal(value)
    }

    static func digitCount(_ value: UInt64) -> Int {
        var count = 1
        var rest = value
        while rest >= 10 {
            rest /= 10
            count += 1
        }
        return count
    }

    static func decimalBytes(_ value: UInt64) -> [UInt8] {
        var writer = ByteWriter(capacity: 20)
        writer.decimal(value)
        return writer.bytes
    }
}
