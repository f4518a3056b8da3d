enum WeightedFailover {
    /// fo: the non-overloaded destination with the strictly highest weight (weight 0 never).
    static func select(in list: DestinationList) -> Int? {
        var best = -1
        var bestWeight: Int32 = 0
        let destinations = list.destinations
        for index in destinations.indices {
            let dest = destinations[index]
            if !dest.isOverloaded && dest.weight > bestWeight {
                best = index
                bestWeight = dest.weight
            }
        }
        return best >= 0 ? best : nil
    }
}
