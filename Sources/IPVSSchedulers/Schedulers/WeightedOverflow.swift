enum WeightedOverflow {
    /// ovf: like fo, but a destination is skipped when `active > weight` (not `>=`).
    static func select(in list: DestinationList) -> Int? {
        var best = -1
        var bestWeight: Int32 = 0
        let destinations = list.destinations
        for index in destinations.indices {
            let dest = destinations[index]
            if dest.isOverloaded || dest.activeConnections > dest.weight || dest.weight == 0 { continue }
            if best < 0 || dest.weight > bestWeight {
                best = index
                bestWeight = dest.weight
            }
        }
        return best >= 0 ? best : nil
    }
}
