import ArgumentParser
import IPVSCore

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Print the ipvsadm lines that turn one table into another.",
        discussion: """
            OLD and NEW are rule files (- for standard input) or --live, the running kernel's table \
            (root needed). The lines, in -S syntax with numeric addresses, add (-A, -a), edit in place \
            (-E, -e) and delete (-D, -d) services and real servers; applied in order with ipvsadm they \
            turn OLD into NEW without clearing anything. Unlike -S, they carry thresholds (-x, -y) and a \
            netmask given without -p, which the kernel keeps. Both files must be valid (see check).

            Exit status: 0 the tables are equal, 1 they differ (or a file is invalid), 2 usage error, \
            unreadable file or no kernel.
            """
    )

    @OptionGroup var ruleOptions: RuleFileOptions

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("OLD and NEW: rule files or --live.", valueName: "old> <new"))
    var sides: [String] = []

    func validate() throws {
        guard sides.count == 2 else { throw ValidationError("diff takes two tables, OLD and NEW (a file, - or --live)") }
        if let unknown = sides.first(where: { $0.hasPrefix("--") && $0 != "--live" }) {
            throw ValidationError("unknown option '\(unknown)'")
        }
    }

    func run() throws {
        let old = try table(sides[0])
        let new = try table(sides[1])
        let requests = RuleTableDiff.requests(from: old, to: new)
        writeOutput(requests.flatMap(RequestText.line))
        if !requests.isEmpty { throw ExitCode(1) }
    }

    private func table(_ side: String) throws -> RuleTable {
        if side == "--live" { return try LiveTable.read(LiveTable.client()) }
        return try RuleFileInput.validTable(side, options: ruleOptions)
    }
}
