/// How `ipvsadm -R` splits a line of standard input into words, as 1.31 does.
///
/// The functions are `@inlinable` so that each caller gets a copy specialised for its collection
/// type: compiled once generically inside IPVSCore, every byte of every `-R` line cost a
/// witness-table call and a metadata lookup, the largest part of `-R`'s user time
/// (Docs/performance.md, "the remaining gap of -R").
public enum RestoreLine {
    /// The words of `line`: separated by spaces, tabs, carriage returns and newlines; each word
    /// ends at its first NUL byte; every word `ipvsadm` (the command's own name) is dropped.
    /// No quoting: `"` and `'` are ordinary bytes. An empty result means the line is skipped.
    @inlinable
    public static func words(_ line: some Collection<UInt8>) -> [[UInt8]] {
        var words: [[UInt8]] = []
        words.reserveCapacity(typicalWordCount)
        forEachWord(in: line) { word, _ in words.append(Array(word)) }
        return words
    }

    /// The same words, each with the 1-based byte column where it starts in `line`.
    @inlinable
    public static func positionedWords(_ line: some Collection<UInt8>) -> [(bytes: [UInt8], column: Int)] {
        var words: [(bytes: [UInt8], column: Int)] = []
        words.reserveCapacity(typicalWordCount)
        forEachWord(in: line) { word, column in words.append((Array(word), column)) }
        return words
    }

    /// Room for the words of a usual rule line (`-a -t VIP:PORT -r RIP:PORT -m -w 1` has 8) at
    /// once, rather than growing the array four times per line.
    @usableFromInline
    static let typicalWordCount = 12

    /// Calls `body` with each word (cut at its first NUL) and its 1-based column, in order,
    /// skipping the words `ipvsadm`.
    @inlinable
    static func forEachWord<Line: Collection<UInt8>>(in line: Line, _ body: (Line.SubSequence, Int) -> Void) {
        var index = line.startIndex
        var column = 1
        while index != line.endIndex {
            guard !isSeparator(line[index]) else {
                line.formIndex(after: &index)
                column += 1
                continue
            }
            let start = index
            let startColumn = column
            var end: Line.Index?
            while index != line.endIndex, !isSeparator(line[index]) {
                if end == nil, line[index] == 0 { end = index }
                line.formIndex(after: &index)
                column += 1
            }
            let word = line[start..<(end ?? index)]
            if !isProgramName(word) { body(word, startColumn) }
        }
    }

    @inlinable
    static func isProgramName(_ word: some Collection<UInt8>) -> Bool {
        // The length first: comparing with a string's UTF-8 view byte by byte is not cheap.
        word.count == 7 && word.elementsEqual("ipvsadm".utf8)
    }

    /// Space, tab, carriage return and newline; not the other bytes C calls white space.
    @inlinable
    static func isSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }
}
