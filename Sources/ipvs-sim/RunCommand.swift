import ArgumentParser
import Foundation
import IPVSCore
import IPVSSimulation
import IPVSSystem

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a synthetic workload through a rules file and report how the servers share it.",
        discussion: """
            Connections arrive at random (Poisson) from a population of clients, last a drawn time,
            then linger inactive before they expire, as the kernel would keep them. The report gives
            per-server connections, peak active connections and the imbalance between servers.
            Client addresses are taken from the documentation ranges.
            """
    )

    @ArgumentParser.Option(help: "The rules, in `ipvsadm -S` format.")
    var rules: String

    @ArgumentParser.Option(help: "The service to load: PROTO:VIP:PORT (tcp:192.0.2.10:80) or fwmark=N:ADDRESS:PORT. Default: the first service of the rules.")
    var service: String?

    @ArgumentParser.Option(help: "Simulated seconds.")
    var seconds: Double = 60

    @ArgumentParser.Option(help: "New connections per second.")
    var rate: Double = 100

    @ArgumentParser.Option(help: "Connection duration: exp:MEAN, fixed:SECONDS or uniform:MIN-MAX.")
    var duration: String = "exp:2"

    @ArgumentParser.Option(help: "Number of distinct client addresses.")
    var clients: Int = 200

    @ArgumentParser.Option(help: "How often clients connect: uniform or zipf[:EXPONENT].")
    var popularity: String = "uniform"

    @ArgumentParser.Option(help: "Seconds a finished connection stays inactive before it expires.")
    var linger: Double = 2

    @ArgumentParser.Option(help: "Active connections a server can take (reported as over capacity beyond it).")
    var capacity: Int?

    @ArgumentParser.Option(help: "Seed of the random workload.")
    var seed: UInt64 = 1

    @ArgumentParser.Option(help: "Also draw active connections over time per server to this SVG file.")
    var svg: String?

    @ArgumentParser.Option(help: "Output: text or json.")
    var format: OutputFormat = .text

    enum OutputFormat: String, ExpressibleByArgument {
        case text, json
    }

    func run() throws {
        let resolver = SystemNameResolver()
        let director = try ReplayCommand.loadRules(rules, resolver: resolver).director
        let target = try service.map { try Self.parseTarget($0, resolver: resolver) } ?? Self.firstTarget(director)
        let workload = Workload(
            target: target, seconds: seconds, arrivalsPerSecond: rate, duration: try Self.parseDuration(duration),
            clients: clients, popularity: try Self.parsePopularity(popularity), lingerSeconds: linger,
            capacity: capacity, seed: seed)
        let report: WorkloadReport
        do {
            var simulation = try WorkloadRun(director: director, workload: workload)
            let interactive = isatty(2) == 1
            report = try simulation.run { fraction in
                guard interactive else { return }
                let filled = Int(fraction * 30)
                let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled)
                FileHandle.standardError.write(Data("\r[\(bar)] \(Int(fraction * 100))%".utf8))
            }
            if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        } catch {
            throw ReplayCommand.failure("\(error)")
        }
        let title = "ipvs-sim run: \(Self.describe(target, director)), \(Self.number(rate)) conn/s for \(Self.number(seconds)) s"
        if let svg {
            do {
                try LoadChart.svg(report, title: title).write(toFile: svg, atomically: true, encoding: .utf8)
            } catch {
                throw ReplayCommand.failure("cannot write \(svg)")
            }
        }
        switch format {
        case .text: print(Self.text(report, title: title), terminator: "")
        case .json: print(try Self.json(report))
        }
    }

    // MARK: Output

    static func text(_ report: WorkloadReport, title: String) -> String {
        var lines = [title, "\(report.connections) connections, \(report.unserved) found no server", ""]
        let nameWidth = max(22, report.servers.map(\.name.count).max() ?? 0)
        lines.append(pad("Server", nameWidth) + leftPad("Weight", 8) + leftPad("Conns", 10) + leftPad("Share", 8)
                     + leftPad("PeakActive", 12) + leftPad("OverCapacity", 14))
        let total = max(1, report.servers.reduce(0) { $0 + $1.connections })
        for server in report.servers {
            let share = Double(server.connections) * 100 / Double(total)
            lines.append(pad(server.name, nameWidth) + leftPad(String(server.weight), 8)
                         + leftPad(String(server.connections), 10) + leftPad(number(share) + "%", 8)
                         + leftPad(String(server.peakActive), 12) + leftPad(String(server.overCapacity), 14))
        }
        lines.append("")
        lines.append("imbalance (max/mean): \(number(report.imbalance, places: 3))   coefficient of variation: \(number(report.coefficientOfVariation, places: 3))")
        return lines.joined(separator: "\n") + "\n"
    }

    struct JSONReport: Encodable {
        struct Server: Encodable {
            var server: String, weight: Int32, connections: Int, peakActive: Int, overCapacity: Int, activeOverTime: [Int]
        }
        var connections: Int, unserved: Int, imbalance: Double, coefficientOfVariation: Double
        var sampleTimes: [Double]
        var servers: [Server]
    }

    static func json(_ report: WorkloadReport) throws -> String {
        let value = JSONReport(
            connections: report.connections, unserved: report.unserved, imbalance: report.imbalance,
            coefficientOfVariation: report.coefficientOfVariation, sampleTimes: report.sampleTimes,
            servers: report.servers.map {
                .init(server: $0.name, weight: $0.weight, connections: $0.connections, peakActive: $0.peakActive,
                      overCapacity: $0.overCapacity, activeOverTime: $0.activeOverTime)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    // MARK: Options

    static func parseTarget(_ text: String, resolver: any NameResolver) throws -> ConnectionTarget {
        guard let colon = text.firstIndex(of: ":") else { throw ValidationError("--service: expected PROTO:ADDRESS:PORT") }
        do {
            return try ConnectionTarget.parse(
                protocol: text[..<colon], endpoint: text[text.index(after: colon)...], resolver: resolver)
        } catch {
            throw ValidationError("--service: \(error.message)")
        }
    }

    static func firstTarget(_ director: SimulatedDirector) throws -> ConnectionTarget {
        guard let key = director.serviceOrder.first else { throw ValidationError("the rules define no service") }
        switch key {
        case .address(let transport, let address, let port):
            return .address(transport, address, port: port == 0 ? 80 : port)
        case .firewallMark(let mark, let family):
            let address = family == .inet ? IPAddress(ipv4: 0xC000_0201)
                : IPAddress(family: .inet6, high: 0x2001_0db8_0000_0000, low: 1)
            return .firewallMark(mark, address, port: 80)
        }
    }

    static func parseDuration(_ text: String) throws -> Workload.Duration {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw ValidationError("--duration: expected exp:MEAN, fixed:SECONDS or uniform:MIN-MAX") }
        func positive(_ value: String) throws -> Double {
            guard let number = Double(value), number.isFinite, number >= 0, number <= 1e7 else {
                throw ValidationError("--duration: bad number \(value)")
            }
            return number
        }
        switch parts[0] {
        case "exp": return .exponential(meanSeconds: try positive(parts[1]))
        case "fixed": return .fixed(seconds: try positive(parts[1]))
        case "uniform":
            let bounds = parts[1].split(separator: "-").map(String.init)
            guard bounds.count == 2 else { throw ValidationError("--duration: expected uniform:MIN-MAX") }
            let low = try positive(bounds[0]), high = try positive(bounds[1])
            guard low <= high else { throw ValidationError("--duration: MIN above MAX") }
            return .uniform(minimumSeconds: low, maximumSeconds: high)
        default: throw ValidationError("--duration: unknown distribution \(parts[0])")
        }
    }

    static func parsePopularity(_ text: String) throws -> Workload.ClientPopularity {
        if text == "uniform" { return .uniform }
        if text == "zipf" { return .zipf(exponent: 1) }
        if text.hasPrefix("zipf:"), let exponent = Double(text.dropFirst(5)), exponent.isFinite, exponent >= 0, exponent <= 10 {
            return .zipf(exponent: exponent)
        }
        throw ValidationError("--popularity: expected uniform or zipf[:EXPONENT]")
    }

    static func describe(_ target: ConnectionTarget, _ director: SimulatedDirector) -> String {
        let scheduler = director.serviceKey(for: target).flatMap { director.services[$0]?.configuration.scheduler.rawValue } ?? "?"
        switch target {
        case .address(let transport, let address, let port):
            let name = ["\(transport)".uppercased(), String(decoding: AddressText.numeric(address), as: UTF8.self)]
            return "\(name[0]) \(address.family == .inet6 ? "[\(name[1])]" : name[1]):\(port) (\(scheduler))"
        case .firewallMark(let mark, _, _):
            return "FWM \(mark) (\(scheduler))"
        }
    }

    static func number(_ value: Double, places: Int = 1) -> String {
        String(format: "%.\(places)f", value)
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    private static func leftPad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
