/// How `ipvsadm -R` splits a line of standard input into words, as 1.31 does.
public enum RestoreLine {
    /// The words of `line`: separated by spaces, tabs, carriage returns and newlines; each word
    /// ends at its first NUL byte; every word `ipvsadm` (the command's own name) is dropped.
    /// No quoting: `"` and `'` are ordinary bytes. An empty result means the line is skipped.
    public static func words(_ line: some Collection<UInt8>) -> [[UInt8]] {
        positionedWords(line).map(\.bytes)
    }

    /// The same words, each with the 1-based byte column where it starts in `line`.
    public static func positionedWords(_ line: some Collection<UInt8>) -> [(bytes: [UInt8], column: Int)] {
        var words: [(bytes: [UInt8], column: Int)] = []
        var current: [UInt8] = []
        var start = 0
        var inWord = false
        var truncated = false
        for (offset, byte) in line.enumerated() {
            switch byte {
            case 0x20, 0x09, 0x0D, 0x0A:
                if inWord { words.append((current, start + 1)) }
                current = []
                inWord = false
                truncated = false
            default:
                if !inWord { start = offset }
                inWord = true
                if byte == 0 { truncated = true }
                if !truncated { current.append(byte) }
            }
        }
        if inWord { words.append((current, start + 1)) }
        words.removeAll { $0.bytes == Array("ipvsadm".utf8) }
        return words
    }
}
