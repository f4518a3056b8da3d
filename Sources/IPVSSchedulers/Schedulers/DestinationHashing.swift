/// dh: 256 buckets filled one destination per bucket in list order (weights ignored), looked up
/// by a hash of the packet's destination address. Not refilled on weight edits.
public struct DestinationHashing: Sendable, Hashable {
    /// `IP_VS_DH_TAB_BITS` (not configurable in 6.1).
    public static let bits = 8
    /// Per bucket: the list index of its destination, or -1 for none.
    public private(set) var buckets: [Int32]

    init(list: DestinationList) {
        buckets = Array(repeating: -1, count: 1 << DestinationHashing.bits)
        reassign(list)
    }

    /// The bucket of an address: `hash_32(fold(address), 8)`.
    public static func bucket(address: NetAddress) -> Int {
        Int(goldenRatioHash(address.folded, bits: bits))
    }

    /// On init, add and delete: buckets 0, 1, 2, … get d1, d2, …, dn, d1, … in list order.
    mutating func reassign(_ list: DestinationList) {
        let count = list.count
        for bucket in buckets.indices {
            buckets[bucket] = count == 0 ? -1 : Int32(bucket % count)
        }
    }

    /// The bucket's destination if it is available, has weight above 0 and is not overloaded.
    func select(_ request: SchedulingRequest, in list: DestinationList) -> Int? {
        let index = Int(buckets[DestinationHashing.bucket(address: request.destination)])
        guard index >= 0 else { return nil }
        let dest = list[index]
        return dest.isAvailable && dest.isUsable ? index : nil
    }
}
