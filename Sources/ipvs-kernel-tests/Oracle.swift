import Foundation

/// Debian's ipvsadm 1.31, run as a subprocess in the same VM: what our library must agree with.
enum Oracle {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The VM script names the binary in IPVS_ORACLE; otherwise it is on PATH as ipvsadm-1.31.
    private static var command: [String] {
        if let path = ProcessInfo.processInfo.environment["IPVS_ORACLE"] { return [path] }
        return ["/usr/bin/env", "ipvsadm-1.31"]
    }

    static func run(_ arguments: [String], input: String? = nil) throws -> Output {
        try Shell.run(command + arguments, input: input)
    }

    /// Runs the oracle and requires success; returns its standard output.
    @discardableResult
    static func must(_ arguments: [String], input: String? = nil) throws -> String {
        let output = try run(arguments, input: input)
        guard output.status == 0 else {
            throw CaseFailure(
                description: "ipvsadm-1.31 \(arguments.joined(separator: " ")) exited \(output.status): \(output.stderr)")
        }
        return output.stdout
    }

    /// Restores rules from `-R` lines in one run.
    static func restore(_ lines: [String]) throws {
        try must(["-R"], input: lines.joined(separator: "\n") + "\n")
    }

    /// Empties the table and stops any sync daemon.
    static func reset() throws {
        try must(["-C"])
        _ = try run(["--stop-daemon", "master"])
        _ = try run(["--stop-daemon", "backup"])
    }

    /// The views of the table compared in round trips: `-Sn` does not show thresholds, tunnel
    /// details beyond its own options, or persistent connections, so the listings that do come too.
    static func views() throws -> String {
        var text = ""
        for arguments in [["-Sn"], ["-Ln"], ["-Ln", "--thresholds"], ["-Ln", "--tun-info"], ["-Ln", "--persistent-conn"]] {
            text += "## ipvsadm-1.31 \(arguments.joined(separator: " "))\n" + (try must(arguments))
        }
        return text
    }
}

/// Runs other programs (ip, the oracle) and captures their output.
enum Shell {
    static func run(_ argv: [String], input: String? = nil) throws -> Oracle.Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: argv[0].hasPrefix("/") ? argv[0] : "/usr/bin/env")
        process.arguments = argv[0].hasPrefix("/") ? Array(argv.dropFirst()) : argv
        let stdout = Pipe()
        let stderr = Pipe()
        let stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Oracle.Output(
            status: process.terminationStatus,
            stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }

    /// Runs a command that must succeed.
    static func must(_ argv: [String]) throws {
        let output = try run(argv)
        guard output.status == 0 else {
            throw CaseFailure(description: "\(argv.joined(separator: " ")) exited \(output.status): \(output.stderr)")
        }
    }
}
