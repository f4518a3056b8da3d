// ipvsadm-rules: rule files (`ipvsadm -S` format) in CI and on directors. The rules themselves are
// IPVSCore's (RuleSet/); this target reads files, talks to the kernel and prints.
import ArgumentParser
import IPVSCore
#if canImport(Glibc)
import Glibc
#endif

@main
struct IPVSRulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ipvsadm-rules",
        abstract: "Check, format, compare and apply IPVS rule files (ipvsadm -S format).",
        discussion: """
            A rule file holds one ipvsadm command per line, as `ipvsadm -S` writes them and \
            `ipvsadm -R` reads them. check judges a file as ipvsadm 1.31 and the kernel would, without \
            root or a kernel; fmt prints its canonical form; diff prints the ipvsadm lines that turn one \
            table into another (either may be the running kernel's, --live); apply makes the running \
            table match a file without clearing it, undoing its changes if the kernel refuses one.

            Exit status: 0 success (diff: no difference), 1 invalid file or a difference or a refused \
            apply that was undone, 2 usage error, unreadable file or no kernel; apply also uses 3 (another \
            apply holds the lock and --no-wait was given) and 4 (the undo itself failed).
            """,
        subcommands: [CheckCommand.self, FmtCommand.self, DiffCommand.self, ApplyCommand.self]
    )

    /// ArgumentParser's own exit code for usage errors is 64; ours is 2.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Glibc.exit(code.rawValue)
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }
            writeError(fullMessage(for: error) + "\n")
            Glibc.exit(2)
        }
    }
}

/// Options shared by the commands that read rule files.
struct RuleFileOptions: ParsableArguments {
    @Flag(help: ArgumentHelp(
        "Judge the file as bare ipvsadm -R reads it: a # line is an error.",
        discussion: "By default a file is judged as Debian's ipvsadm-restore (and ipvsadm.service) restores it: lines whose first character is # are dropped, the rest goes to ipvsadm -R. ipvsadm 1.31 -R itself refuses # lines."))
    var bare = false

    /// The default since comments became the default; kept so that scripts written for the
    /// earlier option still run.
    @Flag(help: ArgumentHelp("Accepted for compatibility: the default (skip lines that start with #).", visibility: .hidden))
    var comments = false

    func validate() throws {
        if bare && comments { throw ValidationError("--bare and --comments contradict each other") }
    }

    var reader: CommentLines.Reader { bare ? .bareRestore : .ipvsadmRestore }
}
