/// A small seeded generator (SplitMix64) for the randomised scheduler (twos). The kernel draws
/// from its CSPRNG, so only the distribution of choices can match, never the choices themselves.
public struct SchedulerRandom: RandomNumberGenerator, Sendable, Hashable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform value in `0..<bound` (`get_random_u32_below`); `bound` must be above 0.
    @inlinable
    public mutating func next(below bound: UInt32) -> UInt32 {
        // Lemire's multiply-shift with rejection, unbiased.
        let threshold = (0 &- bound) % bound
        while true {
            let product = UInt64(UInt32(truncatingIfNeeded: next())) &* UInt64(bound)
            if UInt32(truncatingIfNeeded: product) >= threshold {
                return UInt32(truncatingIfNeeded: product >> 32)
            }
        }
    }
}
