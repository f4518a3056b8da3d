/// wrr: passes over the list with a falling weight threshold.
///
/// State as the kernel's `ip_vs_wrr_mark`: the position `cl` (list index, -1 = head), the
/// current threshold `cw`, the adjusted maximum `mw` and the step `di` (gcd of positive weights).
public struct WeightedRoundRobin: Sendable, Hashable {
    /// The list index chosen last; -1 = the list head.
    public private(set) var position: Int = -1
    /// Current weight threshold (`cw`).
    public private(set) var currentWeight: Int32 = 0
    /// Maximum weight minus `step - 1` (`mw`).
    public private(set) var maximumWeight: Int32 = 0
    /// gcd of the positive weights, 1 if none (`di`).
    public private(set) var step: Int32 = 1

    /// `init_service`: position at the head, `cw = mw`.
    init(list: DestinationList) {
        recompute(list)
        currentWeight = maximumWeight
    }

    private mutating func recompute(_ list: DestinationList) {
        var divisor: Int32 = 0
        var maximum: Int32 = 0
        for dest in list.destinations {
            if dest.weight > 0 {
                divisor = divisor > 0 ? greatestCommonDivisor(dest.weight, divisor) : dest.weight
            }
            if dest.weight > maximum { maximum = dest.weight }
        }
        step = divisor > 0 ? divisor : 1
        maximumWeight = maximum - (step - 1)
    }

    /// The add, delete and edit hooks: position to the head, recompute `di` and `mw`, then
    /// clamp or re-align `cw`.
    mutating func destinationsChanged(_ list: DestinationList) {
        position = -1
        recompute(list)
        if currentWeight > maximumWeight || currentWeight == 0 {
            currentWeight = maximumWeight
        } else if step > 1 {
            currentWeight = (currentWeight / step) * step + 1
        }
    }

    mutating func select(in list: DestinationList) -> Int? {
        let destinations = list.destinations
        if maximumWeight == 0 { return nil }
        let last = position
        var stop = -2
        var lastPass = false
        var restarted = false
        var index = position + 1
        while true {
            while index < destinations.count {
                let dest = destinations[index]
                if !dest.isOverloaded && dest.weight >= currentWeight {
                    position = index
                    return index
                }
                if index == stop {
                    position = index
                    return nil
                }
                index += 1
            }
            currentWeight -= step
            if currentWeight <= 0 {
                currentWeight = maximumWeight
                if lastPass || last == -1 {
                    position = -1
                    return nil
                }
                restarted = true
            }
            lastPass = currentWeight <= step
            if lastPass && restarted && last != -1 { stop = last }
            index = 0
        }
    }
}
