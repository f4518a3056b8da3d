import Testing
@testable import IPVSSchedulers

@Suite struct TwoChoicesTests {
    @Test func idleChoicesFollowTheWeightsWithTheFirstGettingOneExtraShare() throws {
        let weights: [Int32] = [1, 2, 3, 4]
        var (service, ids) = try makeService(.twos, listWeights: weights, seed: 0x5EED)
        let draws = 110_000
        var counts = [Int](repeating: 0, count: ids.count)
        for _ in 0..<draws {
            guard let chosen = service.schedule(request()), let index = ids.firstIndex(of: chosen) else {
                Issue.record("no destination")
                return
            }
            counts[index] += 1
        }
        // All idle: overheads tie, so choice 1 always wins; P(first) = (w + 1) / (total + 1).
        let total = Double(weights.reduce(0, +) + 1)
        var chiSquare = 0.0
        for (index, weight) in weights.enumerated() {
            let expected = Double(draws) * Double(weight + (index == 0 ? 1 : 0)) / total
            chiSquare += (Double(counts[index]) - expected) * (Double(counts[index]) - expected) / expected
        }
        // 3 degrees of freedom: 16.27 is the 0.1 % critical value.
        #expect(chiSquare < 16.27, "counts \(counts)")
    }

    @Test func theLessLoadedOfTheTwoDrawsWins() throws {
        var (service, ids) = try makeService(.twos, listWeights: [1, 1], seed: 7)
        service.load(ids, active: [5, 0])
        var counts = [0, 0]
        for _ in 0..<3_000 {
            if let chosen = service.schedule(request()), let index = ids.firstIndex(of: chosen) { counts[index] += 1 }
        }
        // ids[0] only wins when both draws pick it: P = (2/3)^2.
        let share = Double(counts[0]) / 3_000
        #expect(abs(share - 4.0 / 9.0) < 0.04, "counts \(counts)")
    }

    @Test func excludesWeightZeroAndOverloaded() throws {
        var (service, ids) = try makeService(.twos, listWeights: [0, 3, 2])
        service.setCounters(ids[2], overloaded: true)
        #expect(Set(service.picks(200)) == [ids[1]])
    }

    @Test func theSameSeedGivesTheSameChoices() throws {
        var (first, _) = try makeService(.twos, listWeights: [1, 2, 3], seed: 42)
        var (second, _) = try makeService(.twos, listWeights: [1, 2, 3], seed: 42)
        #expect(first.picks(50) == second.picks(50))
    }
}
