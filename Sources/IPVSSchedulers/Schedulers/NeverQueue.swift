enum NeverQueue {
    /// nq: the first usable destination with no active connection wins outright; otherwise the
    /// sed comparison among usable destinations.
    static func select(in list: DestinationList) -> Int? {
        let destinations = list.destinations
        var best = -1
        var bestOverhead: Int64 = 0
        var bestWeight: Int64 = 0
        for index in destinations.indices {
            let dest = destinations[index]
            guard dest.isUsable else { continue }
            if dest.activeConnections == 0 { return index }
            let overhead = ExpectedDelayOverhead.overhead(dest)
            if best < 0 || bestOverhead &* Int64(dest.weight) > overhead &* bestWeight {
                best = index
                bestOverhead = overhead
                bestWeight = Int64(dest.weight)
            }
        }
        return best >= 0 ? best : nil
    }
}
