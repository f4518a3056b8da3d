/// Whether a state file, or a folder on its way, can be trusted by the root process that acts on
/// it: `stop` runs as root and undoes what the file says, so anyone who can write to it, or swap a
/// folder or a link into its path, could steer root.
public enum StateFileTrust {
    public enum Kind: Sendable, Equatable {
        case directory, regularFile, symbolicLink, other
    }

    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case symbolicLink
        case wrongKind(expected: Kind)
        case owner(uid: UInt32, expected: UInt32)
        case writableByOthers(mode: UInt32)

        public var description: String {
            switch self {
            case .symbolicLink: "it is a symbolic link"
            case .wrongKind(let expected): expected == .directory ? "it is not a directory" : "it is not a regular file"
            case .owner(let uid, let expected): "it is owned by uid \(uid), not \(expected)"
            case .writableByOthers(let mode): "its mode \(String(mode & 0o7777, radix: 8)) lets group or others write to it"
            }
        }
    }

    /// What is wrong with an entry of `kind`, `owner` and `mode` (as lstat(2) reports them) that
    /// should be a `expected` owned by `expectedOwner`; nil when it can be trusted.
    public static func problem(kind: Kind, owner: UInt32, mode: UInt32, expected: Kind, expectedOwner: UInt32) -> Problem? {
        if kind == .symbolicLink { return .symbolicLink }
        if kind != expected { return .wrongKind(expected: expected) }
        if owner != expectedOwner { return .owner(uid: owner, expected: expectedOwner) }
        if mode & 0o022 != 0 { return .writableByOthers(mode: mode) }
        return nil
    }
}
