/// How `ipvsadm -R` splits a line of standard input into words, as 1.31 does.
public enum RestoreLine {
    /// The words of `line`: separated by spaces, tabs, carriage returns and newlines; each word
    /// ends at its first NUL byte; every word `ipvsadm` (the command's own name) is dropped.
    /// No quoting: `"` and `'` are ordinary bytes. An empty result means the line is skipped.
    public static func words(_ line: some Collection<UInt8>) -> [[UInt8]] {
        var words: [[UInt8]] = []
        var current: [UInt8] = []
        var inWord = false
        var truncated = false
        for byte in line {
            switch byte {
            case 0x20, 0x09, 0x0D, 0x0A:
                if inWord { words.append(current) }
                current = []
                inWord = false
                truncated = false
            default:
                inWord = true
                if byte == 0 { truncated = true }
                if !truncated { current.append(byte) }
            }
        }
        if inWord { words.append(current) }
        words.removeAll { $0 == Array("ipvsadm".utf8) }
        return words
    }
}
