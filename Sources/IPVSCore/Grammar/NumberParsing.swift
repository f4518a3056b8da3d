/// Number parsing with the C library's `strtol` rules that ipvsadm 1.31 relies on: leading white
/// space and one sign are allowed, digits are decimal (`010` is ten), and the whole text must be
/// used. Overflow is reported as nil rather than clamped, so no caller can trap.
enum NumberParsing {
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// Where the digits of a C number start: after leading white space and one sign, as
    /// `strtol` and `atoi` skip them; and whether that sign was `-`.
    private static func signedStart<Text: Collection<UInt8>>(_ text: Text) -> (Text.Index, Bool) {
        var index = text.startIndex
        while index != text.endIndex, isSpace(text[index]) { index = text.index(after: index) }
        guard index != text.endIndex, text[index] == UInt8(ascii: "+") || text[index] == UInt8(ascii: "-") else {
            return (index, false)
        }
        return (text.index(after: index), text[index] == UInt8(ascii: "-"))
    }

    /// The decimal value of `text`, or nil when it is empty, has stray characters or overflows Int64.
    static func decimal(_ text: some Collection<UInt8>) -> Int64? {
        let (start, negative) = signedStart(text)
        var index = start
        var value: Int64 = 0
        var digits = 0
        while index != text.endIndex {
            let byte = text[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = shifted.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
            if overflow1 || overflow2 { return nil }
            value = sum
            digits += 1
            index = text.index(after: index)
        }
        guard digits > 0 else { return nil }
        return negative ? -value : value
    }

    /// A decimal value within `range`, or nil.
    static func decimal(_ text: some Collection<UInt8>, in range: ClosedRange<Int64>) -> Int64? {
        guard let value = decimal(text), range.contains(value) else { return nil }
        return value
    }

    /// The C library's `atoi`, which ipvsadm 1.31 uses for an IPv6 prefix length: leading white
    /// space, one sign, then as many decimal digits as there are; the rest is ignored (`64x` is
    /// 64, `x` is 0). The digits saturate as `strtol` does on overflow, and the result keeps the
    /// low 32 bits, as the conversion to `int` does (`4294967360` is 64).
    static func atoi(_ text: some Collection<UInt8>) -> Int32 {
        let (start, negative) = signedStart(text)
        var index = start
        var magnitude: UInt64 = 0
        var saturated = false
        while index != text.endIndex, text[index] >= UInt8(ascii: "0"), text[index] <= UInt8(ascii: "9") {
            let (shifted, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = shifted.addingReportingOverflow(UInt64(text[index] - UInt8(ascii: "0")))
            if overflow1 || overflow2 { saturated = true } else { magnitude = sum }
            index = text.index(after: index)
        }
        let long: Int64
        if negative {
            long = saturated || magnitude > UInt64(Int64.max) + 1 ? Int64.min : Int64(truncatingIfNeeded: 0 &- magnitude)
        } else {
            long = saturated || magnitude > UInt64(Int64.max) ? Int64.max : Int64(magnitude)
        }
        return Int32(truncatingIfNeeded: long)
    }

    /// The C library's `inet_aton`: one to four parts, each decimal, octal (`0` prefix) or
    /// hexadecimal (`0x`), the last part filling the remaining bytes. Returns the host-order value.
    static func inetAton(_ text: some Collection<UInt8>) -> UInt32? {
        // The parts before the last must be bytes: packed from the top as they come, with no array
        // (this runs for every address of every `-R` line).
        var leading: UInt64 = 0
        var count = 0
        var last: UInt64 = 0
        var index = text.startIndex
        while true {
            guard index != text.endIndex else { return nil }
            var base: UInt64 = 10
            if text[index] == UInt8(ascii: "0") {
                base = 8
                let next = text.index(after: index)
                if next != text.endIndex, text[next] == UInt8(ascii: "x") || text[next] == UInt8(ascii: "X") {
                    base = 16
                    index = text.index(after: next)
                }
            }
            var value: UInt64 = 0
            var digits = 0
            while index != text.endIndex {
                let byte = text[index]
                let digit: UInt64
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f") where base == 16: digit = UInt64(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F") where base == 16: digit = UInt64(byte - UInt8(ascii: "A") + 10)
                default: digit = 99
                }
                if digit == 99 { break }
                if base == 8 && digit >= 8 { return nil }
                value = value &* base &+ digit
                if value > 0xFFFF_FFFF { return nil }
                digits += 1
                index = text.index(after: index)
            }
            // A bare "0" is a digit already consumed as the octal marker; "0x" with no hex digit
            // is refused (glibc 2.36, which the oracle runs on, refuses "0x" and "0x.1").
            if digits == 0 && base != 8 { return nil }
            count += 1
            last = value
            if index == text.endIndex { break }
            let byte = text[index]
            if byte == UInt8(ascii: ".") {
                guard count < 4, value <= 0xFF else { return nil }
                leading |= value << UInt64(32 - 8 * count)
                index = text.index(after: index)
                continue
            }
            // glibc accepts trailing white space after the address.
            guard isSpace(byte) else { return nil }
            break
        }
        // The last part fills the bytes the others left.
        guard last <= UInt64(0xFFFF_FFFF) >> UInt64(8 * (count - 1)) else { return nil }
        return UInt32(truncatingIfNeeded: leading | last)
    }

    /// `inet_pton(AF_INET6, …)`: the textual IPv6 forms, including an embedded dotted quad.
    static func inet6(_ text: some Collection<UInt8>) -> IPAddress? {
        let bytes = Array(text)
        guard !bytes.isEmpty, bytes.count <= 45 else { return nil }
        var groups: [UInt16] = []
        var gapAt: Int?
        var index = 0
        var tail: [UInt8] = []
        if bytes.starts(with: [UInt8(ascii: ":"), UInt8(ascii: ":")]) {
            gapAt = 0
            index = 2
            if index == bytes.count { return IPAddress(family: .inet6, high: 0, low: 0) }
        } else if bytes.first == UInt8(ascii: ":") {
            return nil
        }
        while index < bytes.count {
            // A dotted quad may end the address.
            var end = index
            while end < bytes.count, bytes[end] != UInt8(ascii: ":") { end += 1 }
            let piece = bytes[index..<end]
            if end == bytes.count, piece.contains(UInt8(ascii: ".")) {
                guard let v4 = strictDottedQuad(piece) else { return nil }
                tail = [UInt8(truncatingIfNeeded: v4 >> 24), UInt8(truncatingIfNeeded: v4 >> 16),
                        UInt8(truncatingIfNeeded: v4 >> 8), UInt8(truncatingIfNeeded: v4)]
                index = end
                break
            }
            guard !piece.isEmpty, piece.count <= 4 else { return nil }
            var value: UInt16 = 0
            for byte in piece {
                guard let digit = hexDigit(byte) else { return nil }
                value = value << 4 | UInt16(digit)
            }
            groups.append(value)
            index = end
            if index == bytes.count { break }
            // At a ':'.
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
                guard gapAt == nil else { return nil }
                gapAt = groups.count
                index += 1
                if index == bytes.count { break }
            } else if index == bytes.count {
                return nil
            }
        }
        var words = groups.flatMap { [UInt8(truncatingIfNeeded: $0 >> 8), UInt8(truncatingIfNeeded: $0)] }
        words += tail
        if let gapAt {
            guard words.count < 16 else { return nil }
            let fill = [UInt8](repeating: 0, count: 16 - words.count)
            words.insert(contentsOf: fill, at: gapAt * 2)
        }
        guard words.count == 16 else { return nil }
        return IPAddress(bytes: words)
    }

    /// `inet_pton(AF_INET, …)`: exactly four decimal parts of at most three digits, each ≤ 255.
    static func strictDottedQuad(_ text: some Collection<UInt8>) -> UInt32? {
        var result: UInt32 = 0
        var parts = 0
        var value: UInt32 = 0
        var digits = 0
        for byte in text {
            if byte == UInt8(ascii: ".") {
                guard digits > 0 else { return nil }
                result = result << 8 | value
                parts += 1
                value = 0
                digits = 0
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            if digits > 0 && value == 0 { return nil }
            value = value * 10 + UInt32(byte - UInt8(ascii: "0"))
            digits += 1
            guard value <= 255, digits <= 3 else { return nil }
        }
        guard digits > 0, parts == 3 else { return nil }
        return result << 8 | value
    }

    private static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
