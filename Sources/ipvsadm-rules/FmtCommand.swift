import ArgumentParser
import IPVSCore

struct FmtCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Print a rule file's canonical form.",
        discussion: """
            The canonical form is what `ipvsadm -Sn` would print after `ipvsadm -C; ipvsadm -R < FILE`: \
            services and servers in -S order, every default written out, addresses numeric. Two files \
            that make the same table print the same. Thresholds, timeouts (--set) and sync daemons are \
            not part of it, as they are not part of -S, and neither are comments: fmt's output can be \
            compared byte for byte with `ipvsadm -Sn`. An invalid file prints its diagnostics instead \
            (as check does) and exits 1.
            """
    )

    @OptionGroup var ruleOptions: RuleFileOptions

    @Argument(help: "The rule file; - for standard input.")
    var file: String = "-"

    func run() throws {
        let table = try RuleFileInput.validTable(file, options: ruleOptions)
        writeOutput(SaveFormatter.format(table.entries, numeric: true, names: NumericOnlyResolver()))
    }
}
