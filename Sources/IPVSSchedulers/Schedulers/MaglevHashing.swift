/// mh: Maglev hashing. A prime-sized lookup table (4093 slots by default) filled from per-
/// destination permutations, keyed with fixed SipHash-1-3 keys.
public struct MaglevHashing: Sendable, Hashable {
    /// The primes `CONFIG_IP_VS_MH_TAB_INDEX` 8…17 select.
    public static let primes: [Int] = [251, 509, 1021, 2039, 4093, 8191, 16381, 32749, 65521, 131071]
    /// `hash1` of `generate_hash_secret`: offsets and lookups.
    public static let offsetKey = SipHashKey(2_654_435_761, 2_654_435_761)
    /// `hash2`: skips.
    public static let skipKey = SipHashKey(2_654_446_892, 2_654_446_892)

    /// The table size M (a prime).
    public let size: Int
    /// `IP_VS_MH_TAB_BITS` = index / 2, used to scale weights down.
    public let weightBits: Int
    /// Per slot: the list index of its destination, or -1 for none.
    public private(set) var lookup: [Int32]
    /// gcd of the positive last weights (0 if none).
    public private(set) var gcd: Int32 = 0
    /// Right shift applied to `lastWeight / gcd`.
    public private(set) var rshift: Int = 0

    init(list: DestinationList, tableIndex: Int) {
        size = MaglevHashing.primes[tableIndex - 8]
        weightBits = tableIndex / 2
        lookup = Array(repeating: -1, count: size)
        reassign(list)
    }

    /// `ip_vs_mh_hashkey`: hsiphash of the 4 little-endian bytes of
    /// `offset + port + fold(address)` (wrapping 32-bit).
    public static func hash(address: NetAddress, port: UInt16, key: SipHashKey, offset: UInt32 = 0) -> UInt32 {
        SipHash13.hash(offset &+ UInt32(port) &+ address.folded, key: key)
    }

    /// On init, add, delete and edit: recompute gcd and shift over `lastWeight`, then rebuild the
    /// table from scratch (emptied when no last weight is positive; kept when there are more
    /// destinations than slots).
    mutating func reassign(_ list: DestinationList) {
        let destinations = list.destinations
        var divisor: Int32 = 0
        var maximum: Int32 = 0
        for dest in destinations {
            let weight = dest.lastWeight
            if weight > 0 { divisor = divisor > 0 ? greatestCommonDivisor(weight, divisor) : weight }
            if weight > maximum { maximum = weight }
        }
        gcd = divisor
        if divisor >= 1 {
            let bitLength = Int32.bitWidth - (maximum / divisor).leadingZeroBitCount
            rshift = max(0, bitLength - weightBits)
        } else {
            rshift = 0
        }
        guard destinations.count <= size else { return }
        guard divisor >= 1 else {
            for slot in lookup.indices { lookup[slot] = -1 }
            return
        }
        var permutation = [Int](repeating: 0, count: destinations.count)
        var skip = [Int](repeating: 0, count: destinations.count)
        var turns = [Int32](repeating: 0, count: destinations.count)
        for (index, dest) in destinations.enumerated() {
            let modulus = UInt32(size)
            permutation[index] = Int(Self.hash(address: dest.address, port: dest.port, key: Self.offsetKey) % modulus)
            skip[index] = Int(Self.hash(address: dest.address, port: dest.port, key: Self.skipKey) % (modulus - 1)) + 1
            let scaled = (dest.lastWeight / divisor) >> Int32(rshift)
            turns[index] = scaled != 0 ? scaled : (dest.lastWeight != 0 ? 1 : 0)
        }
        var taken = [Bool](repeating: false, count: size)
        var filled = 0
        var claims: Int32 = 0
        while true {
            var index = 0
            while index < destinations.count {
                if turns[index] < 1 {
                    index += 1
                    continue
                }
                var slot = permutation[index]
                while taken[slot] {
                    slot += skip[index]
                    if slot >= size { slot -= size }
                }
                permutation[index] = slot
                taken[slot] = true
                lookup[slot] = Int32(index)
                filled += 1
                if filled == size { return }
                claims += 1
                if claims >= turns[index] {
                    claims = 0
                    index += 1
                }
            }
        }
    }

    /// The slot `hash(client, port) mod M`; with mh-fallback, an unusable destination makes it
    /// try slots `hash(client, port, offset: (i + b) mod M) mod M` for i = 0, 1, …, stopping at an
    /// empty slot.
    func select(_ request: SchedulingRequest, flags: SchedulerFlags, in list: DestinationList) -> Int? {
        let port = flags.contains(.port) && request.packetProtocol.hasPorts ? request.sourcePort : 0
        let modulus = UInt32(size)
        let home = Int(Self.hash(address: request.source, port: port, key: Self.offsetKey) % modulus)
        let first = Int(lookup[home])
        guard first >= 0 else { return nil }
        if list[first].isUsable { return first }
        guard flags.contains(.fallback) else { return nil }
        for probe in 0..<size {
            let offset = UInt32((probe + home) % size)
            let slot = Int(Self.hash(address: request.source, port: port, key: Self.offsetKey, offset: offset) % modulus)
            let index = Int(lookup[slot])
            if index < 0 { return nil }
            if list[index].isUsable { return index }
        }
        return nil
    }
}
