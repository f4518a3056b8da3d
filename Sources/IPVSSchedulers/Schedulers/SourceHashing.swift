/// sh: a table of `1 << bits` buckets (256 by default) filled from the list with weight
/// replication, looked up by a hash of the client address (and port, with sh-port).
public struct SourceHashing: Sendable, Hashable {
    /// `IP_VS_SH_TAB_BITS`.
    public let bits: Int
    /// Per bucket: the list index of its destination, or -1 for none.
    public private(set) var buckets: [Int32]

    init(list: DestinationList, bits: Int) {
        self.bits = bits
        buckets = Array(repeating: -1, count: 1 << bits)
        reassign(list)
    }

    /// The bucket of an address and port (`ip_vs_sh_hashkey`):
    /// `(offset + hash_32(port + fold(address), bits)) & mask`.
    public static func bucket(address: NetAddress, port: UInt16, offset: UInt32 = 0, bits: Int) -> Int {
        let key = UInt32(port) &+ address.folded
        let mask = UInt32(1 << bits) - 1
        return Int((offset &+ goldenRatioHash(key, bits: bits)) & mask)
    }

    /// Fills the buckets in order walking the list cyclically: each destination takes
    /// consecutive buckets until it has `weight` of them, and always at least one (the count is
    /// compared after assigning), whatever its weight or overload flag.
    mutating func reassign(_ list: DestinationList) {
        let destinations = list.destinations
        guard !destinations.isEmpty else {
            for bucket in buckets.indices { buckets[bucket] = -1 }
            return
        }
        var current = 0
        var given: Int32 = 0
        for bucket in buckets.indices {
            buckets[bucket] = Int32(current)
            given += 1
            if given >= destinations[current].weight {
                current = current + 1 == destinations.count ? 0 : current + 1
                given = 0
            }
        }
    }

    /// Without sh-fallback the hashed bucket's destination or nothing. With sh-fallback an
    /// unusable destination makes it probe buckets `(2h + i) mod size` for i = 0, 1, …
    /// (the kernel adds the hash twice), stopping at an empty bucket.
    func select(_ request: SchedulingRequest, flags: SchedulerFlags, in list: DestinationList) -> Int? {
        let port = flags.contains(.port) && request.packetProtocol.hasPorts ? request.sourcePort : 0
        let hash = SourceHashing.bucket(address: request.source, port: port, bits: bits)
        let first = Int(buckets[hash])
        guard first >= 0 else { return nil }
        if list[first].isUsable { return first }
        guard flags.contains(.fallback) else { return nil }
        let size = buckets.count
        for probe in 0..<size {
            let rotated = UInt32((probe + hash) % size)
            let bucket = SourceHashing.bucket(address: request.source, port: port, offset: rotated, bits: bits)
            let index = Int(buckets[bucket])
            if index < 0 { return nil }
            if list[index].isUsable { return index }
        }
        return nil
    }
}
