/// The per-destination-address cache shared by lblc and lblcr: 1024 hash chains, at most 16384
/// entries before garbage collection kicks in, and a periodic timer every 60 s.
public struct LocalityTable<Payload: Sendable & Hashable>: Sendable, Hashable {
    /// `IP_VS_LBLC_TAB_BITS` / `IP_VS_LBLCR_TAB_BITS`.
    public static var chainBits: Int { 10 }
    /// `max_size`: 16 entries per chain.
    public static var maximumSize: Int { 16 * (1 << chainBits) }
    /// `CHECK_EXPIRE_INTERVAL`, in seconds.
    public static var checkIntervalSeconds: Int64 { 60 }
    /// `COUNT_FOR_FULL_EXPIRATION`: every 30th tick expires everything idle too long.
    public static var ticksPerFullCheck: Int { 30 }
    /// `ENTRY_TIMEOUT`, in seconds: idle time after which an over-full table drops entries.
    public static var entryTimeoutSeconds: Int64 { 6 * 60 }

    public struct Entry: Sendable, Hashable {
        public var payload: Payload
        /// `lastuse`: when the entry was last looked up or created.
        public var lastUse: Jiffies
    }

    public private(set) var entries: [NetAddress: Entry] = [:]
    /// Chain membership, oldest first (the kernel adds at the head; GC walks newest first).
    private var chains: [[NetAddress]]
    /// The chain the last garbage collection stopped at.
    public private(set) var rover = 0
    /// Ticks since the last full check, starting at 1.
    public private(set) var counter = 1
    /// When the periodic timer fires next.
    public private(set) var nextTick: Jiffies

    /// An empty table whose timer first fires one interval after `now`.
    init(now: Jiffies, hz: Jiffies) {
        chains = Array(repeating: [], count: 1 << Self.chainBits)
        nextTick = now + Self.checkIntervalSeconds * hz
    }

    static func chain(of address: NetAddress) -> Int {
        Int(goldenRatioHash(address.folded, bits: chainBits))
    }

    subscript(address: NetAddress) -> Entry? {
        get { entries[address] }
        _modify { yield &entries[address] }
    }

    /// Marks an address's entry as used at `now` and returns its payload; one hash lookup, in
    /// place (the scheduling hot path of lblc).
    mutating func touch(_ address: NetAddress, now: Jiffies) -> Payload? {
        guard let position = entries.index(forKey: address) else { return nil }
        entries.values[position].lastUse = now
        return entries.values[position].payload
    }

    /// Runs `body` on an address's entry in place (one hash lookup, no copy of the payload);
    /// nil when the address has no entry. `body` must not change the table.
    mutating func update<Result>(_ address: NetAddress, _ body: (inout Entry) -> Result) -> Result? {
        guard let position = entries.index(forKey: address) else { return nil }
        return body(&entries.values[position])
    }

    /// Inserts a new entry at the head of its chain, replacing any entry for the address.
    mutating func insert(_ address: NetAddress, payload: Payload, now: Jiffies) {
        remove(address)
        entries[address] = Entry(payload: payload, lastUse: now)
        chains[Self.chain(of: address)].append(address)
    }

    mutating func remove(_ address: NetAddress) {
        guard entries.removeValue(forKey: address) != nil else { return }
        let chain = Self.chain(of: address)
        if let position = chains[chain].lastIndex(of: address) { chains[chain].remove(at: position) }
    }

    /// Fires every timer tick due at or before `now`, each with its own time.
    /// Once the table is empty the ticks only count (a full check finds nothing), so they are
    /// counted in one step: a long `advance` costs the same as a short one.
    mutating func advance(to now: Jiffies, expiration: Jiffies, hz: Jiffies) {
        let interval = Self.checkIntervalSeconds * hz
        while nextTick <= now {
            if entries.isEmpty {
                let due = (now - nextTick) / interval + 1
                let period = Int64(Self.ticksPerFullCheck)
                counter = Int((Int64(counter) - 1 + due % period) % period) + 1
                nextTick += due * interval
                return
            }
            tick(at: nextTick, expiration: expiration, hz: hz)
            nextTick += interval
        }
    }

    /// One firing of the periodic timer.
    private mutating func tick(at now: Jiffies, expiration: Jiffies, hz: Jiffies) {
        if counter % Self.ticksPerFullCheck == 0 {
            collect(now: now, idleLimit: expiration, goal: nil)
            counter = 1
        } else if entries.count <= Self.maximumSize {
            counter += 1
        } else {
            let goal = min((entries.count - Self.maximumSize) * 4 / 3, Self.maximumSize / 2)
            collect(now: now, idleLimit: Self.entryTimeoutSeconds * hz, goal: goal)
        }
    }

    /// Walks the chains from the one after `rover`, deleting entries idle for at least
    /// `idleLimit`; with a goal, stops after the chain where the goal was reached.
    private mutating func collect(now: Jiffies, idleLimit: Jiffies, goal: Int?) {
        var remaining = goal ?? Int.max
        var chain = rover
        for _ in 0..<chains.count {
            chain = (chain + 1) & (chains.count - 1)
            for address in chains[chain].reversed() {
                guard let entry = entries[address], now >= entry.lastUse + idleLimit else { continue }
                remove(address)
                remaining -= 1
            }
            if goal != nil && remaining <= 0 { break }
        }
        rover = chain
    }
}

/// lblc's and lblcr's overload test (`is_overloaded`): `active(d) > weight(d)` while some
/// destination of the service has `2 * active < weight`. Only active connections count; the
/// threshold flag is not consulted.
func isLocalityOverloaded(_ dest: Destination, in list: DestinationList) -> Bool {
    guard dest.activeConnections > dest.weight else { return false }
    for other in list.destinations where Int64(other.activeConnections) * 2 < Int64(other.weight) {
        return true
    }
    return false
}
