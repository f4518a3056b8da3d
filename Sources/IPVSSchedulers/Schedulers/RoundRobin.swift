/// rr: strict cyclic order over the list, skipping servers of weight 0 or overloaded.
///
/// State: the position, the destination chosen last, or nil for the list head ("before the
/// first"), which is the initial value.
public struct RoundRobin: Sendable, Hashable {
    /// The destination chosen last; nil = the list head.
    public private(set) var position: DestinationID?

    public init() {}

    /// Walks on from the position to the end of the list, then (unless the position was the
    /// head) once more from the front, stopping at the position itself. Eligibility is tested
    /// before the stop test, so the last choice can be chosen again.
    mutating func select(in list: DestinationList) -> Int? {
        let destinations = list.destinations
        let last = position.flatMap { list.index(of: $0) }
        var index = (last ?? -1) + 1
        while index < destinations.count {
            if destinations[index].isUsable { return choose(index, in: list) }
            index += 1
        }
        guard let last else { return nil }
        index = 0
        while index < destinations.count {
            if destinations[index].isUsable { return choose(index, in: list) }
            if index == last { return nil }
            index += 1
        }
        return nil
    }

    private mutating func choose(_ index: Int, in list: DestinationList) -> Int {
        position = list[index].id
        return index
    }

    /// `del_dest`: when the position is the removed destination, it moves to the entry that
    /// preceded it (or the head), so the walk continues with the one that followed it.
    mutating func didRemove(_ id: DestinationID, formerIndex: Int, in list: DestinationList) {
        guard position == id else { return }
        position = formerIndex > 0 ? list[formerIndex - 1].id : nil
    }
}
