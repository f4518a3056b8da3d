/// Finds the word of a rule line to blame for a problem: the value of the option at fault, or the
/// command word when no single option is.
struct ProblemLocator {
    /// One option as the grammar's scanner read it: its word and the word holding its value.
    struct Span {
        var option: Option
        var optionWord: Int
        var valueWord: Int?
    }

    let words: [(bytes: [UInt8], column: Int)]
    private(set) var spans: [Span] = []

    init(words: [(bytes: [UInt8], column: Int)]) {
        self.words = words
        var scanner = OptionScanner(words.map(\.bytes))
        while true {
            guard let event = try? scanner.next(), case .some(let found) = Optional(event) else { break }
            guard case .option(let option, let value, let word) = found else { continue }
            let last = scanner.wordsRead - 1
            // A value read from its own word is the last word read; the option is the one before.
            let separate = value.map { !word.elementsEqual($0) && !(word.count > $0.count && word.suffix($0.count).elementsEqual($0)) } ?? false
            let optionWord = separate ? max(0, last - 1) : last
            spans.append(Span(option: option, optionWord: optionWord, valueWord: value == nil ? nil : last))
        }
    }

    private var commandColumn: Int {
        if let span = spans.first(where: { $0.option.isCommand }) { return words[span.optionWord].column }
        return words.first?.column ?? 1
    }

    private func column(of name: OptionName, occurrence: Int = 0, preferValue: Bool = true) -> Int {
        let matching = spans.filter { OptionName($0.option) == name }
        guard occurrence < matching.count else { return commandColumn }
        let span = matching[occurrence]
        return words[preferValue ? (span.valueWord ?? span.optionWord) : span.optionWord].column
    }

    private func column(ofOption option: Option) -> Int {
        guard let span = spans.first(where: { $0.option == option }) else { return commandColumn }
        return words[span.optionWord].column
    }

    private func column(ofWord word: [UInt8]) -> Int {
        words.first(where: { $0.bytes == word })?.column ?? commandColumn
    }

    private func column(ofWordContaining part: [UInt8]) -> Int {
        words.first(where: { $0.bytes.count >= part.count && Self.contains($0.bytes, part) })?.column ?? commandColumn
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
        for start in 0...(haystack.count - needle.count) where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return true
        }
        return false
    }

    func column(for error: ParseError) -> Int {
        switch error {
        case .tryHelp, .missingOption, .listOptionsConflict, .setNeedsThreeValues,
             .illegalStartDaemonState, .illegalStopDaemonState:
            return commandColumn
        case .popt(_, let word):
            return column(ofWord: word)
        case .invalidOption:
            let commands = spans.filter { $0.option.isCommand }
            return commands.count > 1 ? words[commands[1].optionWord].column : commandColumn
        case .unexpectedArgument(let word), .invalidTimeout(let word):
            return words.last(where: { $0.bytes == word })?.column ?? commandColumn
        case .invalidFirewallMark:
            return column(of: .serviceAddress)
        case .multipleOptions(let name):
            guard let option = OptionName(text: name) else { return commandColumn }
            return column(of: option, occurrence: 1, preferValue: false)
        case .illegalOption(let name, _), .illegalTunnelOption(let name, _), .conflictingOptions(let name, _, _),
             .conflictingTunnelOptions(let name, _, _):
            guard let option = OptionName(text: name) else { return commandColumn }
            return column(of: option, preferValue: false)
        case .illegalVirtualServerAddress, .zeroPort:
            return column(of: .serviceAddress)
        case .illegalRealServerAddress, .differentAddressFamily:
            return column(of: .realServer)
        case .illegalWeight: return column(of: .weight)
        case .illegalUpperThreshold: return column(of: .upperThreshold)
        case .illegalLowerThreshold: return column(of: .lowerThreshold)
        case .illegalPersistentMask, .illegalIPv6Netmask: return column(of: .netmask)
        case .ipv6BeforeFirewallMark: return column(ofOption: .ipv6)
        case .onePacketOnlyForUDP: return column(of: .ops, preferValue: false)
        case .invalidSchedulerFlag(let word), .incompatibleSchedulerFlag(let word),
             .schedulerFlagListWithoutFlags(let word):
            return column(ofWordContaining: word)
        case .illegalTunnelType, .missingTunnelOption: return column(of: .tunnelType)
        case .illegalTunnelPort: return column(of: .tunnelPort)
        case .tunnelOptionsConflictWithForwarding: return column(of: .forwardingMethod, preferValue: false)
        case .illegalSyncID: return column(of: .syncID)
        case .illegalSyncMaxLength: return column(of: .syncMaxLength)
        case .illegalMulticastPort: return column(of: .multicastPort)
        case .illegalMulticastTTL: return column(of: .multicastTTL)
        case .invalidMulticastGroup: return column(of: .multicastGroup)
        }
    }

    func column(for error: KernelError, command: Command) -> Int {
        switch (error.operation, error.errno) {
        case (.addService, KernelErrno.noEntry), (.editService, KernelErrno.noEntry):
            if case .addService(let service) = command, !KernelNames.schedulers.contains(service.scheduler) {
                return column(of: .scheduler)
            }
            if case .editService(let service) = command, !KernelNames.schedulers.contains(service.scheduler) {
                return column(of: .scheduler)
            }
            return column(of: .persistenceEngine)
        case (_, KernelErrno.noSuchProcess) where error.operation != .stopDaemon:
            return column(of: .serviceAddress)
        case (.addRealServer, _), (.editRealServer, _), (.deleteRealServer, _):
            if error.errno == KernelErrno.outOfRange {
                return spans.contains { OptionName($0.option) == .lowerThreshold } ? column(of: .lowerThreshold) : column(of: .weight)
            }
            return column(of: .realServer)
        case (.startDaemon, KernelErrno.noDevice):
            return column(of: .multicastInterface)
        default:
            return commandColumn
        }
    }
}
