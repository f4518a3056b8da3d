/// `ipvsadm-rules check --format json`: every problem of every file, as one array.
public enum JSONDiagnosticsFormatter {
    /// `[{"file": …, "line": 3, "column": 7, "severity": "error", "kind": "parse" | "kernel",
    /// "message": …}, …]`, files in the order given, problems in line order; `[]` when none.
    public static func diagnostics(_ files: [(file: String, diagnostics: [RuleDiagnostic])]) -> [UInt8] {
        var json = JSONWriter(style: .pretty)
        json.array { list in
            for (file, diagnostics) in files {
                for diagnostic in diagnostics {
                    list.object {
                        $0.field("file", file)
                        $0.field("line", diagnostic.line)
                        $0.field("column", diagnostic.column)
                        $0.field("severity", "error")
                        $0.field("kind", diagnostic.kind.rawValue)
                        $0.field("message", diagnostic.message)
                    }
                }
            }
        }
        json.newline()
        return json.bytes
    }
}
