/// A set of option names, one bit each: the options a command line gave, or those a command
/// takes or needs.
///
/// A bit set rather than `Set<OptionName>` because the parser asks it dozens of times per line
/// of `-R`, where hashing each name was a fifth of the parsing time. Iterating yields the names
/// in ipvsadm's order of checks.
struct OptionNames: Equatable, Sequence, ExpressibleByArrayLiteral {
    private var bits: UInt64

    init(arrayLiteral names: OptionName...) {
        bits = 0
        for name in names { insert(name) }
    }

    private init(bits: UInt64) {
        self.bits = bits
    }

    private static func bit(_ name: OptionName) -> UInt64 {
        1 << UInt64(name.rawValue)
    }

    var isEmpty: Bool { bits == 0 }

    /// The name ipvsadm checks first.
    var first: OptionName? {
        var iterator = makeIterator()
        return iterator.next()
    }

    func contains(_ name: OptionName) -> Bool {
        bits & Self.bit(name) != 0
    }

    mutating func insert(_ name: OptionName) {
        bits |= Self.bit(name)
    }

    func union(_ other: OptionNames) -> OptionNames {
        OptionNames(bits: bits | other.bits)
    }

    func intersection(_ other: OptionNames) -> OptionNames {
        OptionNames(bits: bits & other.bits)
    }

    func subtracting(_ other: OptionNames) -> OptionNames {
        OptionNames(bits: bits & ~other.bits)
    }

    func makeIterator() -> Iterator {
        Iterator(bits: bits)
    }

    /// The names from the lowest bit up.
    struct Iterator: IteratorProtocol {
        fileprivate var bits: UInt64

        mutating func next() -> OptionName? {
            guard bits != 0 else { return nil }
            let position = bits.trailingZeroBitCount
            bits &= bits - 1
            return OptionName(rawValue: position)
        }
    }
}
