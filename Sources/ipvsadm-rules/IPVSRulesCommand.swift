// ipvsadm-rules: rule files (`ipvsadm -S` format) in CI and on directors. The rules themselves are
// IPVSCore's (RuleSet/); this target reads files, talks to the kernel and prints.
import ArgumentParser
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
        "Skip lines that start with #, as ipvsadm-restore does.",
        discussion: "Debian's ipvsadm-restore drops lines whose first character is # before ipvsadm -R sees them; ipvsadm 1.31 -R itself refuses them (and a # after blanks even with the wrapper), so without this flag they are errors."))
    var comments = false
}
