/// One problem in a rule file, where it is and what 1.31 or the kernel says about it.
public struct RuleDiagnostic: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// ipvsadm's grammar refuses the line.
        case parse
        /// The line parses, but the kernel would refuse it (given the lines before it).
        case kernel
    }

    /// 1-based line number.
    public var line: Int
    /// 1-based byte column of the word to blame.
    public var column: Int
    public var kind: Kind
    /// 1.31's own message for the problem, without the trailing newline.
    public var message: String
    /// Whether `ipvsadm -R` stops reading at this line (its parse errors other than popt's).
    public var stopsRestore: Bool

    public init(line: Int, column: Int, kind: Kind, message: String, stopsRestore: Bool) {
        self.line = line
        self.column = column
        self.kind = kind
        self.message = message
        self.stopsRestore = stopsRestore
    }
}
