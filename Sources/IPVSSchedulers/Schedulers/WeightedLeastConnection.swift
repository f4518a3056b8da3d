/// The overhead a weighted least-connection scheduler compares.
protocol OverheadFormula {
    static func overhead(_ dest: Destination) -> Int64
}

/// `ip_vs_dest_conn_overhead`: `active * 256 + inactive` (lc, wlc, lblc, lblcr).
enum ConnectionOverhead: OverheadFormula {
    @inline(__always)
    static func overhead(_ dest: Destination) -> Int64 { Int64(dest.connectionOverhead) }
}

/// sed and nq: `active + 1`, inactive connections ignored.
enum ExpectedDelayOverhead: OverheadFormula {
    @inline(__always)
    static func overhead(_ dest: Destination) -> Int64 { Int64(dest.activeConnections &+ 1) }
}

/// wlc and sed (and the fresh pick of lblc and lblcr).
enum WeightedLeastConnection {
    /// The wlc procedure (also sed, and the fresh pick of lblc/lblcr): the first usable
    /// destination, then for each later non-overloaded one, replace the best when
    /// `overhead(best) * weight(d) > overhead(d) * weight(best)` (strict: ties keep the earlier).
    /// Weight-0 destinations after the first are not skipped but can never win.
    @inline(__always)
    static func select<Formula: OverheadFormula>(in list: DestinationList, _: Formula.Type) -> Int? {
        let destinations = list.destinations
        var index = 0
        while index < destinations.count && !destinations[index].isUsable { index += 1 }
        guard index < destinations.count else { return nil }
        var best = index
        var bestOverhead = Formula.overhead(destinations[index])
        var bestWeight = Int64(destinations[index].weight)
        index += 1
        while index < destinations.count {
            let dest = destinations[index]
            if !dest.isOverloaded {
                let overhead = Formula.overhead(dest)
                if bestOverhead &* Int64(dest.weight) > overhead &* bestWeight {
                    best = index
                    bestOverhead = overhead
                    bestWeight = Int64(dest.weight)
                }
            }
            index += 1
        }
        return best
    }
}
