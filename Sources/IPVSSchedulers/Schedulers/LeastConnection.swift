enum LeastConnection {
    /// lc: the usable destination with the strictly smallest `active * 256 + inactive`
    /// (unsigned compare); weights other than 0 do not matter; ties keep the earlier one.
    static func select(in list: DestinationList) -> Int? {
        var best = -1
        var bestOverhead: UInt32 = 0
        let destinations = list.destinations
        for index in destinations.indices {
            let dest = destinations[index]
            guard dest.isUsable else { continue }
            let overhead = UInt32(bitPattern: dest.connectionOverhead)
            if best < 0 || overhead < bestOverhead {
                best = index
                bestOverhead = overhead
            }
        }
        return best >= 0 ? best : nil
    }
}
