import ArgumentParser
import Foundation
import IPVSCore
import IPVSSimulation
import IPVSSystem

@main
struct IPVSSim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ipvs-sim",
        abstract: "See what the kernel's IPVS schedulers will do with your rules, before you deploy them.",
        subcommands: [ReplayCommand.self, RunCommand.self]
    )
}

struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Play connection events against a rules file and print the real server each one reaches.",
        discussion: """
            Events, one per line (# comments and blank lines allowed):
              open ID PROTO CLIENT:PORT VIRTUAL:PORT   PROTO: tcp, udp, sctp or fwmark=N
              close ID                                 no longer established (counts inactive)
              expire ID                                its entry is gone
              advance SECONDS                          time passes
              rule ARGS                                an ipvsadm command in -S syntax
            Each open prints `ID REAL:PORT`, or `ID -` when no server is available.
            """
    )

    @ArgumentParser.Option(help: "The rules, in `ipvsadm -S` format.")
    var rules: String

    @ArgumentParser.Option(help: "The events to play.")
    var events: String

    func run() throws {
        let resolver = SystemNameResolver()
        var replay = try Self.loadRules(rules, resolver: resolver)
        var lineNumber = 0
        var output = ""
        for line in try Self.read(events).split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            do {
                guard let event = try ReplayEvent.parse(line, lineNumber: lineNumber, resolver: resolver) else { continue }
                if let printed = try replay.play(event, lineNumber: lineNumber) {
                    output += printed
                    output += "\n"
                }
            } catch {
                print(output, terminator: "")
                throw Self.failure("\(events): \(error)")
            }
        }
        print(output, terminator: "")
    }

    /// A replay with the rules file applied; a bad file ends the command with its line.
    static func loadRules(_ path: String, resolver: any NameResolver) throws -> Replay {
        var replay = Replay(director: SimulatedDirector(), resolver: resolver)
        do {
            try replay.load(rules: try read(path))
        } catch let error as SimulationError {
            throw failure("\(path): \(error)")
        }
        return replay
    }

    static func read(_ path: String) throws -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw failure("cannot read \(path)")
        }
    }

    /// Reports a problem with the input on stderr; the exit status is 1 (2 is for usage errors).
    static func failure(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("ipvs-sim: \(message)\n".utf8))
        return ExitCode.failure
    }
}
