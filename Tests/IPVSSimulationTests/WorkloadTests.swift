import IPVSCore
@testable import IPVSSimulation
import Testing

private func director(_ rules: String) throws -> SimulatedDirector {
    var replay = Replay(director: SimulatedDirector(), resolver: NumericOnlyResolver())
    try replay.load(rules: rules)
    return replay.director
}

private let weighted = """
    -A -t 192.0.2.10:80 -s wrr
    -a -t 192.0.2.10:80 -r 198.51.100.1:80 -m -w 3
    -a -t 192.0.2.10:80 -r 198.51.100.2:80 -m -w 1
    """

private let target = ConnectionTarget.address(.tcp, IPAddress(ipv4: 0xC000_020A), port: 80)

@Suite struct WorkloadTests {
    @Test func weightedRoundRobinSharesConnectionsByWeight() throws {
        var run = try WorkloadRun(director: try director(weighted), workload: Workload(target: target, seconds: 30))
        let report = try run.run()
        let counts = report.servers.map(\.connections)
        #expect(counts.count == 2)
        // wrr hands out exactly 3 of every 4 connections to the weight-3 server.
        #expect(abs(counts[0] - 3 * counts[1]) <= 3)
        #expect(report.unserved == 0)
    }

    @Test func theSameSeedGivesTheSameReport() throws {
        let workload = Workload(target: target, seconds: 10, duration: .uniform(minimumSeconds: 0.5, maximumSeconds: 4), seed: 42)
        var first = try WorkloadRun(director: try director(weighted), workload: workload)
        var second = try WorkloadRun(director: try director(weighted), workload: workload)
        #expect(try first.run() == (try second.run()))
    }

    @Test func arrivalsFollowTheRate() throws {
        var run = try WorkloadRun(director: try director(weighted), workload: Workload(target: target, seconds: 100, arrivalsPerSecond: 50))
        let report = try run.run()
        // Poisson with mean 5000: within five standard deviations (about 354).
        #expect(abs(report.connections - 5000) < 354)
    }

    @Test func connectionsBeyondCapacityAreCounted() throws {
        let workload = Workload(target: target, seconds: 20, arrivalsPerSecond: 100, duration: .fixed(seconds: 5), capacity: 10)
        var run = try WorkloadRun(director: try director(weighted), workload: workload)
        let report = try run.run()
        #expect(report.servers.allSatisfy { $0.overCapacity > 0 })
        #expect(report.servers.allSatisfy { $0.peakActive > 10 })
    }

    @Test func aServiceWithoutServersLeavesEveryConnectionUnserved() throws {
        var run = try WorkloadRun(director: try director("-A -t 192.0.2.10:80 -s rr"), workload: Workload(target: target, seconds: 2))
        let report = try run.run()
        #expect(report.servers.isEmpty)
        #expect(report.unserved == report.connections)
    }

    @Test func aTargetOutsideTheRulesIsRefused() throws {
        let elsewhere = ConnectionTarget.address(.udp, IPAddress(ipv4: 0xC000_020A), port: 53)
        #expect(throws: SimulationError.self) {
            _ = try WorkloadRun(director: try director(weighted), workload: Workload(target: elsewhere))
        }
    }

    @Test func absurdWorkloadsAreRefusedRatherThanRun() throws {
        #expect(throws: SimulationError.self) {
            _ = try WorkloadRun(director: try director(weighted), workload: Workload(target: target, seconds: 1e9))
        }
        #expect(throws: SimulationError.self) {
            _ = try WorkloadRun(director: try director(weighted), workload: Workload(target: target, clients: 100_000))
        }
    }
}

@Suite struct WorkloadReportTests {
    private func report(_ counts: [Int]) -> WorkloadReport {
        WorkloadReport(
            servers: counts.enumerated().map {
                .init(name: "s\($0.offset)", weight: 1, connections: $0.element, peakActive: 0, overCapacity: 0, activeOverTime: [])
            },
            connections: counts.reduce(0, +), unserved: 0, sampleTimes: [])
    }

    @Test func anEvenSplitHasImbalanceOneAndNoVariation() {
        #expect(report([10, 10, 10]).imbalance == 1)
        #expect(report([10, 10, 10]).coefficientOfVariation == 0)
    }

    @Test func imbalanceIsTheBusiestServerOverTheMean() {
        #expect(report([30, 10]).imbalance == 1.5)
        #expect(report([30, 10]).coefficientOfVariation == 0.5)
    }
}

@Suite struct WorkloadMathTests {
    @Test func theLogarithmIsAccurate() {
        for (x, expected) in [(1.0, 0.0), (2.718281828459045, 1.0), (0.5, -0.6931471805599453), (1000.0, 6.907755278982137)] {
            #expect(abs(WorkloadRun.logarithm(x) - expected) < 1e-12)
        }
    }

    @Test func thePowerIsAccurate() {
        #expect(abs(WorkloadRun.power(2, 10) - 1024) < 1e-9)
        #expect(abs(WorkloadRun.power(10, -1) - 0.1) < 1e-15)
    }

    @Test func clientAddressesStayInTheDocumentationRanges() {
        let first = WorkloadRun.clientAddress(0, family: .inet)
        let last = WorkloadRun.clientAddress(3 * 254 - 1, family: .inet)
        #expect(first.bytes == [203, 0, 113, 1])
        #expect(last.bytes == [192, 0, 2, 254])
        #expect(WorkloadRun.clientAddress(5, family: .inet6).bytes.prefix(4) == [0x20, 0x01, 0x0d, 0xb8])
    }
}
