import ArgumentParser
import IPVSCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report every line of rule files that ipvsadm 1.31 or the kernel would refuse.",
        discussion: """
            Each file is judged as `ipvsadm-restore < FILE` would restore it (lines whose first character \
            is # dropped, the table cleared, the rest read by `ipvsadm -R`; --bare: as bare `ipvsadm -R` \
            reads it, refusing # lines), with no root and no kernel: \
            every line is parsed with ipvsadm's own grammar, then applied to a model of the kernel's \
            table, which refuses what the kernel refuses: an unknown scheduler or persistence engine, a \
            real server before its service, a duplicate service or server, an edit or delete of something \
            absent, a lower threshold above the upper one, a real server address that is not unicast, a \
            server of another address family unless tunnelled, and so on. Checking goes on after a \
            problem (a refused line changes nothing), so every problem is reported.

            Text output, on standard error, one line per problem: FILE:LINE:COLUMN: error: MESSAGE \
            (standard input is named -). MESSAGE is what ipvsadm 1.31 prints for it, except for a comment \
            ipvsadm -R would refuse, where it says why. \
            --format json prints, on standard output, an array of objects with the members file, line, \
            column, severity ("error"), kind ("parse": ipvsadm refuses the line; "kernel": the kernel \
            would) and message.

            Exit status: 0 every file is valid, 1 a file has problems, 2 usage error or unreadable file.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @ArgumentParser.Option(help: "text (diagnostics on standard error) or json (an array on standard output).")
    var format: Format = .text

    @OptionGroup var ruleOptions: RuleFileOptions

    @Argument(help: "Rule files; standard input when none or -.")
    var files: [String] = []

    func run() throws {
        let checker = RuleFileInput.checker(ruleOptions)
        var results: [(file: String, diagnostics: [RuleDiagnostic])] = []
        var unreadable = false
        for path in files.isEmpty ? ["-"] : files {
            do {
                let input = try RuleFileInput.read(path)
                results.append((input.name, checker.check(input.bytes).diagnostics))
            } catch {
                unreadable = true
            }
        }
        switch format {
        case .text:
            for (name, diagnostics) in results { writeError(RuleFileInput.text(diagnostics, file: name)) }
        case .json:
            writeOutput(JSONDiagnosticsFormatter.diagnostics(results))
        }
        if unreadable { throw ExitCode(2) }
        if results.contains(where: { !$0.diagnostics.isEmpty }) { throw ExitCode(1) }
    }
}
