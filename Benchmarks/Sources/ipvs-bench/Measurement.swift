#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Nanoseconds of the monotonic clock (`CLOCK_MONOTONIC`).
@inline(__always)
func monotonicNanoseconds() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) &* 1_000_000_000 &+ UInt64(spec.tv_nsec)
}

/// Keeps a value alive so the optimiser cannot drop the work that produced it.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

/// Min and median of repeated samples, each sample being nanoseconds per operation.
struct Summary {
    var samples: [Double]
    var minimum: Double { samples.min() ?? .nan }
    var median: Double {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return .nan }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

/// How long to measure: each sample runs enough operations to last `sampleNanoseconds`.
struct MeasurementPlan {
    var samples = 11
    var sampleNanoseconds: UInt64 = 20_000_000
    /// When set, run exactly this many operations once and time nothing (for callgrind).
    var fixedOperations: Int?
}

/// Runs `batch(n)` (which must perform n operations) as the plan says and returns ns/op.
/// The operation count of a sample is calibrated once, doubling from 1 until a batch lasts
/// a tenth of the sample time; one more full sample then warms up before the measured ones.
func measure(_ plan: MeasurementPlan, _ batch: (Int) -> Void) -> Summary {
    if let fixed = plan.fixedOperations {
        batch(fixed)
        return Summary(samples: [])
    }
    var operations = 1
    while true {
        let start = monotonicNanoseconds()
        batch(operations)
        let elapsed = monotonicNanoseconds() - start
        if elapsed >= plan.sampleNanoseconds / 10 || operations >= 1 << 40 {
            let scale = Double(plan.sampleNanoseconds) / Double(max(elapsed, 1))
            operations = max(1, Int(Double(operations) * scale))
            break
        }
        operations *= 2
    }
    batch(operations)  // warm-up: caches, lazily built tables, branch predictors
    var samples: [Double] = []
    for _ in 0..<plan.samples {
        let start = monotonicNanoseconds()
        batch(operations)
        let elapsed = monotonicNanoseconds() - start
        samples.append(Double(elapsed) / Double(operations))
    }
    return Summary(samples: samples)
}
