/// Splits an argument vector into options and leftover arguments the way popt does for ipvsadm.
///
/// Long options are `--name`, `--name=value` or `--name value`; short options bundle (`-lnc`) and
/// take their value from the rest of the word (`-w3`, `-w=3`) or from the next word (`-w 3`).
/// `-p` takes the next word only when it does not start with `-`. `--` ends the options; `-` alone
/// is an argument. Long names must match exactly (no abbreviations).
struct OptionScanner {
    enum Event: Equatable {
        /// An option, its value (when it takes one), and the word it was read from.
        case option(Option, value: [UInt8]?, word: [UInt8])
        /// A word that is not an option.
        case argument([UInt8])
    }

    /// popt's failures, each with the word popt blames.
    enum Failure: Error, Equatable {
        case unknownOption(word: [UInt8])
        case missingArgument(word: [UInt8])
        case unwantedArgument(word: [UInt8])
    }

    private let words: [[UInt8]]
    private var index = 0
    /// The rest of a short-option bundle still to read, and the word it came from.
    private var bundle: ArraySlice<UInt8> = []
    private var bundleWord: [UInt8] = []
    private var onlyArguments = false

    init(_ words: [[UInt8]]) {
        self.words = words
    }

    /// How many words have been read so far (a value in the next word counts).
    var wordsRead: Int { index }

    private static let dash = UInt8(ascii: "-")
    private static let equals = UInt8(ascii: "=")

    /// The next event, nil at the end; `accepts` restricts which options are known (popt's table).
    mutating func next(accepting accepts: (Option) -> Bool = { _ in true }) throws(Failure) -> Event? {
        if !bundle.isEmpty {
            return try nextInBundle(accepting: accepts)
        }
        guard index < words.count else { return nil }
        let word = words[index]
        index += 1
        if onlyArguments || word.count < 2 || word[0] != Self.dash {
            return .argument(word)
        }
        if word[1] == Self.dash {
            if word.count == 2 {
                onlyArguments = true
                return try next(accepting: accepts)
            }
            return try longOption(word, accepting: accepts)
        }
        bundle = word[1...]
        bundleWord = word
        return try nextInBundle(accepting: accepts)
    }

    private mutating func longOption(_ word: [UInt8], accepting accepts: (Option) -> Bool) throws(Failure) -> Event {
        let body = word[2...]
        let name: ArraySlice<UInt8>
        var inlineValue: [UInt8]?
        if let equals = body.firstIndex(of: Self.equals) {
            name = body[..<equals]
            inlineValue = Array(body[(equals + 1)...])
        } else {
            name = body
        }
        guard let option = Option.byLongName[Array(name)], accepts(option) else {
            throw .unknownOption(word: word)
        }
        switch option.argumentKind {
        case .none:
            if inlineValue != nil { throw .unwantedArgument(word: word) }
            return .option(option, value: nil, word: word)
        case .required:
            if let inlineValue { return .option(option, value: inlineValue, word: word) }
            guard index < words.count else { throw .missingArgument(word: word) }
            let value = words[index]
            index += 1
            return .option(option, value: value, word: word)
        case .optional:
            if let inlineValue { return .option(option, value: inlineValue, word: word) }
            return .option(option, value: takeOptionalValue(), word: word)
        }
    }

    private mutating func nextInBundle(accepting accepts: (Option) -> Bool) throws(Failure) -> Event {
        let word = bundleWord
        guard let letter = bundle.first else { throw .unknownOption(word: word) }
        bundle = bundle.dropFirst()
        guard let option = Option.byShortName[Int(letter)], accepts(option) else {
            bundle = []
            throw .unknownOption(word: word)
        }
        if option.argumentKind == .none {
            return .option(option, value: nil, word: word)
        }
        if !bundle.isEmpty {
            var rest = bundle
            bundle = []
            if rest.first == Self.equals { rest = rest.dropFirst() }
            return .option(option, value: Array(rest), word: word)
        }
        if option.argumentKind == .optional {
            return .option(option, value: takeOptionalValue(), word: word)
        }
        guard index < words.count else { throw .missingArgument(word: word) }
        let value = words[index]
        index += 1
        return .option(option, value: value, word: word)
    }

    /// popt's optional argument: the next word, unless it looks like an option.
    private mutating func takeOptionalValue() -> [UInt8]? {
        guard index < words.count, !onlyArguments else { return nil }
        let candidate = words[index]
        if candidate.first == Self.dash { return nil }
        index += 1
        return candidate
    }
}
