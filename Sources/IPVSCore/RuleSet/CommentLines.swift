/// How `#` comments in a rule file are read, and what to say when one reaches `ipvsadm -R`.
///
/// Debian's ipvsadm-restore (and our ipvsadm.service, which runs our copy of it) filters its input
/// through `grep -v '^#'` before `ipvsadm -R` reads it: a line goes only when its first byte is `#`.
/// A `#` after blanks, or after a command, is passed on, and 1.31 refuses it with a message that
/// does not say why, so the checker says why instead.
public enum CommentLines {
    /// Who reads the file.
    public enum Reader: Sendable, Hashable {
        /// `ipvsadm-restore`: lines whose first byte is `#` are dropped, the rest goes to `-R`.
        case ipvsadmRestore
        /// Bare `ipvsadm -R`: every line is a command.
        case bareRestore
    }

    static let hash = UInt8(ascii: "#")

    /// Whether `reader` drops the line before ipvsadm sees it.
    static func isDropped(_ line: ArraySlice<UInt8>, by reader: Reader) -> Bool {
        reader == .ipvsadmRestore && line.first == hash
    }

    /// The message for a line 1.31 refused whose first word is a comment, or nil when its first
    /// word is not one.
    static func commentLineMessage(_ line: ArraySlice<UInt8>, firstWord: [UInt8], reader: Reader) -> String? {
        guard firstWord.first == hash else { return nil }
        switch reader {
        case .bareRestore:
            return line.first == hash
                ? "ipvsadm -R refuses comment lines; ipvsadm-restore strips them"
                : "ipvsadm -R refuses comment lines; ipvsadm-restore strips them only when # is the line's first character"
        case .ipvsadmRestore:
            return "ipvsadm-restore strips only comment lines whose first character is #; ipvsadm -R refuses this indented one"
        }
    }

    /// What to add to 1.31's message when the word it blames starts a comment after a command.
    static func trailingCommentHint(_ blamed: [UInt8]?) -> String {
        guard blamed?.first == hash else { return "" }
        return " (a comment after a command is not stripped, by ipvsadm-restore or ipvsadm -R)"
    }
}
