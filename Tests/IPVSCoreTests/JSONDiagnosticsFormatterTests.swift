import Foundation
import Testing
@testable import IPVSCore

/// `check --format json`, parsed back with Foundation's JSON parser: one object per problem with
/// exactly the members the help names, for every kind of message the checker gives.
@Suite struct JSONDiagnosticsFormatterTests {
    typealias F = RuleSetFixtures

    private func problems(_ files: [(file: String, diagnostics: [RuleDiagnostic])]) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(JSONDiagnosticsFormatter.diagnostics(files))) as? [[String: Any]])
    }

    private func problems(of text: String, reader: CommentLines.Reader = .ipvsadmRestore) throws -> [[String: Any]] {
        try problems([(file: "rules", diagnostics: F.check(text, reader: reader).diagnostics)])
    }

    @Test func noProblemsIsAnEmptyArray() throws {
        #expect(String(decoding: JSONDiagnosticsFormatter.diagnostics([(file: "rules", diagnostics: [])]), as: UTF8.self) == "[]\n")
    }

    @Test(arguments: [
        ("-A -t 192.0.2.1:80 -s nosuch\n", "kernel"),  // a scheduler the kernel lacks
        ("-A -t 192.0.2.1:80 -x 5\n", "parse"),  // an option ipvsadm refuses
        ("-a -t 192.0.2.1:80 -r 198.51.100.1\n", "kernel"),  // a server before its service
        ("-A -t 192.0.2.1:99999\n", "parse"),  // a port out of range
    ])
    func everyProblemHasExactlyTheDocumentedMembers(text: String, kind: String) throws {
        let list = try problems(of: text)
        #expect(list.count == 1)
        let problem = try #require(list.first)
        #expect(Set(problem.keys) == ["file", "line", "column", "severity", "kind", "message"])
        #expect(problem["file"] as? String == "rules")
        #expect(problem["line"] as? Int == 1)
        #expect((problem["column"] as? Int ?? 0) >= 1)
        #expect(problem["severity"] as? String == "error")
        #expect(problem["kind"] as? String == kind)
        #expect(problem["message"] as? String == F.check(text).diagnostics.first?.message)
    }

    @Test func aCommentRefusedByBareRestoreIsAParseProblem() throws {
        let list = try problems(of: "# kept with the file\n-A -t 192.0.2.1:80\n", reader: .bareRestore)
        #expect(list.map { $0["kind"] as? String } == ["parse"])
        #expect(list.first?["line"] as? Int == 1)
    }

    @Test func problemsOfSeveralFilesKeepTheFilesOrderAndLines() throws {
        let list = try problems([
            (file: "b.rules", diagnostics: F.check("-A -t 192.0.2.1:80\n-A -t 192.0.2.1:80\n").diagnostics),
            (file: "a.rules", diagnostics: F.check("-A -t 192.0.2.1:80 -s nosuch\n").diagnostics),
        ])
        #expect(list.map { "\($0["file"] as? String ?? ""):\($0["line"] as? Int ?? 0)" } == ["b.rules:2", "a.rules:1"])
    }

    @Test func aFileNameWithQuotesAndNewlinesSurvives() throws {
        let name = "odd \"name\"\n\\ \u{7}.rules"
        let list = try problems([(file: name, diagnostics: F.check("-A -t 192.0.2.1:80 -s nosuch\n").diagnostics)])
        #expect(list.first?["file"] as? String == name)
    }
}
