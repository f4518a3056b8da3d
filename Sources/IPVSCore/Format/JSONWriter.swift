/// Writes one JSON document (RFC 8259) into a byte buffer, without Foundation.
///
/// The writer places commas, colons and (in `.pretty` style) line breaks itself; callers only say
/// what comes next:
///
/// ```swift
/// var json = JSONWriter(style: .pretty)
/// json.object {
///     $0.field("schema", "ipvsadm-json/1")
///     $0.key("services")
///     $0.array { list in
///         list.object { $0.field("weight", Int32(3)) }
///     }
/// }
/// json.newline()
/// // json.bytes is the UTF-8 text, ready for write(2).
/// ```
///
/// Strings are escaped as RFC 8259 requires: `"` and `\` are backslash-escaped, control characters
/// U+0000 to U+001F become `\b`, `\t`, `\n`, `\f`, `\r` or `\u00XX`; everything else is written as
/// UTF-8. Raw bytes (an interface or scheduler name read from the kernel) that are not valid UTF-8
/// have each ill-formed sequence replaced by U+FFFD, so the document is always valid UTF-8.
/// Integers of any width up to 64 bits are written exactly, as decimal digits (never via `Double`).
///
/// The writer does not check that calls are balanced or that object members have keys: that is the
/// caller's structure, which its tests check by parsing the output.
public struct JSONWriter: Sendable {
    /// How the document is laid out; both are the same JSON value.
    public enum Style: Sendable {
        /// No whitespace at all.
        case compact
        /// One member or element per line, indented by two spaces per level; `"key": value`.
        case pretty
    }

    /// The document written so far, UTF-8.
    /// The document so far.
    public var bytes: [UInt8] { output.bytes }
    private var output: ByteWriter

    private let style: Style
    /// One entry per open object or array: whether it already holds a member or element.
    private var containers: [Bool] = []
    /// Set between `key(_:)` and the value it names, which then needs no separator.
    private var awaitingValue = false

    public init(style: Style = .compact, capacity: Int = 0) {
        self.style = style
        output = ByteWriter(capacity: capacity)
    }

    // MARK: Containers

    public mutating func openObject() { open(UInt8(ascii: "{")) }
    public mutating func closeObject() { close(UInt8(ascii: "}")) }
    public mutating func openArray() { open(UInt8(ascii: "[")) }
    public mutating func closeArray() { close(UInt8(ascii: "]")) }

    /// An object whose members `body` writes.
    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        openObject()
        body(&self)
        closeObject()
    }

    /// An array whose elements `body` writes.
    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        openArray()
        body(&self)
        closeArray()
    }

    /// Names the next value of the enclosing object.
    public mutating func key(_ name: String) {
        separate()
        quoted(name.utf8)
        byte(UInt8(ascii: ":"))
        if style == .pretty { byte(UInt8(ascii: " ")) }
        awaitingValue = true
    }

    // MARK: Values

    public mutating func string(_ value: String) {
        separate()
        quoted(value.utf8)
    }

    /// A string given as bytes; ill-formed UTF-8 becomes U+FFFD.
    public mutating func string(utf8 value: some Collection<UInt8>) {
        string(String(decoding: value, as: UTF8.self))
    }

    /// Any integer up to 64 bits, signed or not, exactly.
    public mutating func number(_ value: some BinaryInteger) {
        separate()
        if let unsigned = UInt64(exactly: value) {
            digits(unsigned)
        } else if let signed = Int64(exactly: value) {
            byte(UInt8(ascii: "-"))
            digits(signed.magnitude)
        } else {
            // Wider than 64 bits: not produced by IPVS. Fall back to the generic description,
            // still digits and an optional sign.
            output.text(String(value))
        }
    }

    public mutating func bool(_ value: Bool) {
        separate()
        literal(value ? "true" : "false")
    }

    public mutating func null() {
        separate()
        literal("null")
    }

    // MARK: Members

    public mutating func field(_ name: String, _ value: String) {
        key(name)
        string(value)
    }

    public mutating func field(_ name: String, _ value: some BinaryInteger) {
        key(name)
        number(value)
    }

    public mutating func field(_ name: String, _ value: Bool) {
        key(name)
        bool(value)
    }

    /// A member whose value `body` writes (an object, an array, or `null()`).
    public mutating func field(_ name: String, _ body: (inout JSONWriter) -> Void) {
        key(name)
        body(&self)
    }

    /// Ends the document with a line feed, as a command's output line.
    public mutating func newline() { byte(UInt8(ascii: "\n")) }

    // MARK: Layout

    private mutating func open(_ bracket: UInt8) {
        separate()
        byte(bracket)
        containers.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        let hadMembers = containers.popLast() ?? false
        if hadMembers && style == .pretty { lineBreak() }
        byte(bracket)
    }

    /// What goes before a value or key: nothing after a key or at the top level, else a comma
    /// unless it is the container's first entry, then (pretty) a line break and the indentation.
    private mutating func separate() {
        if awaitingValue {
            awaitingValue = false
            return
        }
        guard let last = containers.indices.last else { return }
        if containers[last] { byte(UInt8(ascii: ",")) }
        containers[last] = true
        if style == .pretty { lineBreak() }
    }

    private mutating func lineBreak() {
        byte(UInt8(ascii: "\n"))
        output.spaces(2 * containers.count)
    }

    @inline(__always) private mutating func byte(_ value: UInt8) { output.byte(value) }

    private mutating func literal(_ value: StaticString) {
        output.text(value)
    }

    private mutating func digits(_ value: UInt64) { output.decimal(value) }

    /// `value` is valid UTF-8 (it comes from a `String`); only the escapes JSON requires are made.
    private mutating func quoted(_ value: String.UTF8View) {
        byte(UInt8(ascii: "\""))
        for unit in value {
            switch unit {
            case UInt8(ascii: "\""): literal("\\\"")
            case UInt8(ascii: "\\"): literal("\\\\")
            case 0x08: literal("\\b")
            case 0x09: literal("\\t")
            case 0x0A: literal("\\n")
            case 0x0C: literal("\\f")
            case 0x0D: literal("\\r")
            case 0x00..<0x20:
                literal("\\u00")
                byte(Self.hexDigit(unit >> 4))
                byte(Self.hexDigit(unit & 0x0F))
            default:
                byte(unit)
            }
        }
        byte(UInt8(ascii: "\""))
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? nibble &+ UInt8(ascii: "0") : nibble &- 10 &+ UInt8(ascii: "a")
    }
}
