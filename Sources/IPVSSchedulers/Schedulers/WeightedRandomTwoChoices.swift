/// twos: two weighted random draws, then the less loaded of the two. Stateless apart from the
/// random source the caller supplies.
enum WeightedRandomTwoChoices {
    /// Draws `r1`, `r2` uniformly in `0...total` and walks the usable destinations subtracting
    /// weights; the first at which each reaches 0 or below is that draw's choice (so the first
    /// usable destination has `(w + 1) / (total + 1)`). The second wins only when
    /// `weight2 * overhead1 > weight1 * overhead2` in 32-bit arithmetic.
    static func select(in list: DestinationList, random: inout SchedulerRandom) -> Int? {
        let destinations = list.destinations
        var total: Int32 = 0
        var any = false
        for dest in destinations where dest.isUsable {
            total &+= dest.weight
            any = true
        }
        guard any else { return nil }
        let bound = UInt32(bitPattern: total) &+ 1
        var remaining1 = Int32(bitPattern: bound == 0 ? random.next(below: UInt32.max) : random.next(below: bound))
        var remaining2 = Int32(bitPattern: bound == 0 ? random.next(below: UInt32.max) : random.next(below: bound))
        var choice1 = -1
        var choice2 = -1
        for index in destinations.indices where destinations[index].isUsable {
            let weight = destinations[index].weight
            remaining1 &-= weight
            remaining2 &-= weight
            if choice1 < 0 && remaining1 <= 0 { choice1 = index }
            if choice2 < 0 && remaining2 <= 0 { choice2 = index }
            if choice1 >= 0 && choice2 >= 0 { break }
        }
        guard choice1 >= 0 else { return choice2 >= 0 ? choice2 : nil }
        guard choice2 >= 0 else { return choice1 }
        let first = destinations[choice1]
        let second = destinations[choice2]
        if second.weight &* first.connectionOverhead > first.weight &* second.connectionOverhead {
            return choice2
        }
        return choice1
    }
}
