/// lblc: remembers, per packet destination address, the server last chosen for it.
public struct LocalityBasedLeastConnection: Sendable, Hashable {
    /// The cache: destination address → server.
    public private(set) var table: LocalityTable<DestinationID>

    init(now: Jiffies, hz: Jiffies) {
        table = LocalityTable(now: now, hz: hz)
    }

    /// Re-uses the cached server while it is listed, has weight above 0 and is not
    /// lblc-overloaded (its OVERLOAD flag is NOT checked); otherwise picks with wlc and caches it.
    mutating func select(_ request: SchedulingRequest, in list: DestinationList, now: Jiffies) -> Int? {
        let key = request.destination
        let cached = table.touch(key, now: now)
        if let cached {
            if let index = list.index(of: cached) {
                let dest = list[index]
                if dest.weight > 0 && !isLocalityOverloaded(dest, in: list) { return index }
            }
        }
        guard let index = WeightedLeastConnection.select(in: list, ConnectionOverhead.self) else { return nil }
        let chosen = list[index].id
        if cached != chosen { table.insert(key, payload: chosen, now: now) }
        return index
    }

    mutating func advance(to now: Jiffies, settings: IPVSSettings) {
        table.advance(to: now, expiration: settings.lblcExpirationSeconds * settings.hz, hz: settings.hz)
    }
}
