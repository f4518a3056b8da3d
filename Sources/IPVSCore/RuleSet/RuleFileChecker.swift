/// Judges a rule file (`ipvsadm -S` format) the way `ipvsadm -R` and the kernel would, without a kernel.
///
/// Every line goes through the CLI's own grammar (`RestoreLine`, `CommandLineParser`), then through
/// `RuleTable`, which refuses what the kernel refuses. Unlike 1.31, checking goes on after a line
/// 1.31 would stop at, so that every problem is reported; a refused line changes nothing.
public struct RuleFileChecker: Sendable {
    public struct Options: Sendable {
        /// Who the file is judged for: by default ipvsadm-restore, which drops the lines whose
        /// first byte is `#` (as rule files kept with comments are restored); or bare `ipvsadm -R`,
        /// which refuses them.
        public var reader: CommentLines.Reader

        public init(reader: CommentLines.Reader = .ipvsadmRestore) {
            self.reader = reader
        }
    }

    /// What checking found.
    public struct Result: Sendable {
        public var diagnostics: [RuleDiagnostic]
        /// The table after every accepted line.
        public var table: RuleTable
        /// Accepted lines that change no service or real server (`--set`, `-Z`, the daemons,
        /// listings): `ipvsadm -R` carries them out, `ipvsadm-rules apply` does not.
        public var beyondTheTable: [BeyondTheTable] = []
        public var isValid: Bool { diagnostics.isEmpty }
    }

    /// A line `beyondTheTable` names: its number and its command's option, as `--set`.
    public struct BeyondTheTable: Sendable, Equatable {
        public var line: Int
        public var option: String
    }

    public let resolver: any NameResolver
    public let options: Options
    public let interfaceExists: @Sendable (String) -> Bool

    public init(
        resolver: any NameResolver, options: Options = Options(),
        interfaceExists: @escaping @Sendable (String) -> Bool = { _ in true }
    ) {
        self.resolver = resolver
        self.options = options
        self.interfaceExists = interfaceExists
    }

    /// Checks a whole file's bytes, starting from an empty table (as after `ipvsadm -C`).
    public func check(_ bytes: [UInt8]) -> Result {
        check(bytes, startingFrom: RuleTable())
    }

    public func check(_ bytes: [UInt8], startingFrom initial: RuleTable) -> Result {
        var table = initial
        var diagnostics: [RuleDiagnostic] = []
        var beyondTheTable: [BeyondTheTable] = []
        let parser = CommandLineParser(resolver: resolver)
        for (index, line) in Self.lines(bytes).enumerated() {
            let number = index + 1
            if CommentLines.isDropped(line, by: options.reader) { continue }
            let words = RestoreLine.positionedWords(line)
            guard let first = words.first else { continue }
            let arguments = words.map(\.bytes)
            let locator = ProblemLocator(words: words)
            let command: Command
            do {
                command = try parser.parse(bytes: arguments)
            } catch {
                let column = locator.column(for: error)
                let message = CommentLines.commentLineMessage(line, firstWord: first.bytes, reader: options.reader)
                    ?? Self.text(error.message(programName: Array("ipvsadm".utf8)))
                    + CommentLines.trailingCommentHint(words.first(where: { $0.column == column })?.bytes)
                diagnostics.append(RuleDiagnostic(
                    line: number, column: column, kind: .parse, message: message,
                    stopsRestore: !error.restoreContinues))
                continue
            }
            switch command {
            case .restore:
                let error = ParseError.tryHelp
                diagnostics.append(RuleDiagnostic(
                    line: number, column: first.column, kind: .parse,
                    message: Self.text(error.message(programName: Array("ipvsadm".utf8))), stopsRestore: true))
                continue
            case .help, .version:
                // 1.31 prints and stops reading, successfully: nothing after this line happens.
                return Result(diagnostics: diagnostics, table: table, beyondTheTable: beyondTheTable)
            default:
                break
            }
            do {
                try table.apply(command, interfaceExists: interfaceExists)
                if let option = Self.optionBeyondTheTable(command) {
                    beyondTheTable.append(BeyondTheTable(line: number, option: option))
                }
            } catch {
                diagnostics.append(RuleDiagnostic(
                    line: number, column: locator.column(for: error, command: command), kind: .kernel,
                    message: error.restoreMessage, stopsRestore: false))
            }
        }
        return Result(diagnostics: diagnostics, table: table, beyondTheTable: beyondTheTable)
    }

    private static func optionBeyondTheTable(_ command: Command) -> String? {
        switch command {
        case .setTimeouts: return "--set"
        case .zero: return "--zero"
        case .startDaemon: return "--start-daemon"
        case .stopDaemon: return "--stop-daemon"
        case .list: return "--list"
        case .save: return "--save"
        case .addService, .editService, .deleteService, .clear, .addServer, .editServer, .deleteServer,
             .restore, .help, .version:
            return nil
        }
    }

    /// Lines as `ipvsadm -R` reads them: split at newlines; a last line without one still counts.
    static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    static func text(_ message: [UInt8]) -> String {
        var bytes = message[...]
        while bytes.last == UInt8(ascii: "\n") { bytes = bytes.dropLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension KernelError {
    /// What `ipvsadm -R` prints for this refusal: its own words, or the C library's for the errno.
    public var restoreMessage: String {
        if let message = ipvsadmMessage { return message }
        switch errno {
        case KernelErrno.outOfRange: return "Numerical result out of range"
        case KernelErrno.noDevice: return "No such device"
        default: return "Unknown error \(errno)"
        }
    }
}
