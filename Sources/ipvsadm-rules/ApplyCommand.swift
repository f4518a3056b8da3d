import ArgumentParser
import IPVSCore
#if canImport(Glibc)
import Glibc
#endif

struct ApplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Make the running table match a rule file, with the fewest changes.",
        discussion: """
            The whole file is checked first; an invalid file changes nothing (exit 1). Then, holding an \
            exclusive lock on the lock file so that two applies never interleave, the running table is \
            read, compared with the file's and changed in place, as `diff --live FILE` prints: services \
            and servers are added, edited (-E, -e) and deleted one by one, never cleared, so connections \
            to servers that stay are kept. Each change is printed as its ipvsadm line.

            If the kernel refuses a change midway, the changes already made are undone, newest first, and \
            apply exits 1 with the table as it was. Only services and real servers are applied: --set, \
            -Z, daemon and listing lines are checked but not carried out, and apply names them on standard \
            error (--dry-run too).

            Exit status: 0 applied (or nothing to do), 1 invalid file or a refusal that was undone, 2 \
            usage error, unreadable file or no kernel, 3 the lock is held and --no-wait was given, 4 the \
            undo failed too (the message says where the table was left).
            """
    )

    @OptionGroup var ruleOptions: RuleFileOptions

    @Flag(name: .long, help: "Print the changes without making them.")
    var dryRun = false

    @ArgumentParser.Option(help: "The lock file that serialises applies.")
    var lock = "/run/ipvsadm-rules.lock"

    @Flag(help: "Exit 3 instead of waiting when another apply holds the lock.")
    var noWait = false

    @Argument(help: "The rule file; - for standard input.")
    var file: String

    func run() throws {
        let checked = try RuleFileInput.valid(file, options: ruleOptions)
        let wanted = checked.table
        if !checked.beyondTheTable.isEmpty {
            let lines = checked.beyondTheTable.map { "line \($0.line) (\($0.option))" }.joined(separator: ", ")
            writeError("ipvsadm-rules: apply: changes only services and real servers; leaves alone \(lines)\n")
        }
        let client = try LiveTable.client()
        let lockFD = dryRun ? -1 : try takeLock()
        defer { if lockFD >= 0 { close(lockFD) } }
        let live = try LiveTable.read(client)
        let requests = RuleTableDiff.requests(from: live, to: wanted)
        if dryRun {
            writeOutput(requests.flatMap(RequestText.line))
            return
        }
        let outcome: RuleApplier.Outcome
        do {
            outcome = try RuleApplier(client: client, willPerform: Self.stopHook()).apply(requests, on: live)
        } catch {
            writeError("ipvsadm-rules: apply: lost the kernel: \(LiveTable.describe(error))\n")
            throw ExitCode(4)
        }
        switch outcome {
        case .applied(let done):
            writeOutput(done.flatMap(RequestText.line))
        case .rolledBack(let refused, let error, let done):
            writeError("ipvsadm-rules: apply: the kernel refused `\(Self.text(refused))`: \(LiveTable.describe(error)); "
                + "undid the \(done.count) change(s) already made, the table is as it was\n")
            throw ExitCode(1)
        case .rollbackFailed(let refused, let error, let undo, let undoError):
            writeError("ipvsadm-rules: apply: the kernel refused `\(Self.text(refused))`: \(LiveTable.describe(error)); "
                + "then refused the undo `\(Self.text(undo))`: \(LiveTable.describe(undoError)); the table is neither the old nor the new one\n")
            throw ExitCode(4)
        }
    }

    /// The test hook behind Scripts/rules-faults' kills: with IPVSADM_RULES_TEST_STOP_AT=N (N from
    /// 1), apply stops itself (SIGSTOP) just before its N-th request, so that a test can kill it
    /// with N-1 changes made and the rest not. Anyone who can set the environment of an apply can
    /// stop or kill it anyway; the hook gives them nothing more.
    private static func stopHook() -> (Int) -> Void {
        guard let text = getenv("IPVSADM_RULES_TEST_STOP_AT").map({ String(cString: $0) }),
              let stopAt = Int(text), stopAt >= 1 else { return { _ in } }
        return { index in
            if index + 1 == stopAt { raise(SIGSTOP) }
        }
    }

    private static func text(_ request: IPVSRequest) -> String {
        String(decoding: RequestText.line(request).dropLast(), as: UTF8.self)
    }

    /// flock(2) on the lock file: released by the kernel when this process ends, however it ends,
    /// so a killed apply never leaves the lock behind. apply runs as root and the lock sits in a
    /// folder others may share: a link planted there is not followed (O_NOFOLLOW), and anything
    /// but a regular file (a FIFO, a device) is refused before it is used.
    private func takeLock() throws -> Int32 {
        let fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o600)
        guard fd >= 0 else {
            let code = errno
            writeError("ipvsadm-rules: \(lock): " + (code == ELOOP ? "is a symbolic link; refusing it as the lock" : errnoText(code)) + "\n")
            throw ExitCode(2)
        }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            writeError("ipvsadm-rules: \(lock): is not a regular file; refusing it as the lock\n")
            throw ExitCode(2)
        }
        while flock(fd, LOCK_EX | (noWait ? LOCK_NB : 0)) != 0 {
            if errno == EINTR { continue }
            let code = errno
            close(fd)
            if code == EWOULDBLOCK {
                writeError("ipvsadm-rules: apply: another apply holds \(lock)\n")
                throw ExitCode(3)
            }
            writeError("ipvsadm-rules: \(lock): \(errnoText(code))\n")
            throw ExitCode(2)
        }
        return fd
    }
}
