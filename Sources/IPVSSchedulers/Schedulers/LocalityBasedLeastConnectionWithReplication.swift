/// A server set of lblcr: members newest first, and when it last changed.
public struct ReplicaSet: Sendable, Hashable {
    /// Members in set order (the newest insert first).
    public private(set) var members: [DestinationID]
    /// `lastmod`: time of the last insert or erase.
    public private(set) var lastModified: Jiffies

    init(_ first: DestinationID, now: Jiffies) {
        members = [first]
        lastModified = now
    }

    /// Adds a member at the front; a member already present changes nothing.
    mutating func insert(_ id: DestinationID, now: Jiffies) {
        guard !members.contains(id) else { return }
        members.insert(id, at: 0)
        lastModified = now
    }

    mutating func erase(_ id: DestinationID, now: Jiffies) {
        guard let position = members.firstIndex(of: id) else { return }
        members.remove(at: position)
        lastModified = now
    }

    /// `set_min`: the first member that is not overloaded, has weight above 0 and is listed,
    /// then later non-overloaded listed members replace it on a strictly smaller weighted
    /// overhead.
    func leastLoaded(in list: DestinationList) -> DestinationID? {
        var least: Destination?
        for id in members {
            guard let dest = list.destination(id) else { continue }
            if let current = least {
                if dest.isOverloaded { continue }
                if Int64(current.connectionOverhead) &* Int64(dest.weight)
                    > Int64(dest.connectionOverhead) &* Int64(current.weight) && dest.isAvailable {
                    least = dest
                }
            } else if !dest.isOverloaded && dest.weight > 0 && dest.isAvailable {
                least = dest
            }
        }
        return least?.id
    }

    /// `set_max`: among members with weight above 0 (listed or not, overloaded or not), the first
    /// with the strictly largest weighted overhead.
    func mostLoaded(in list: DestinationList) -> DestinationID? {
        var most: Destination?
        for id in members {
            guard let dest = list.destination(id), dest.weight > 0 else { continue }
            if let current = most {
                if Int64(current.connectionOverhead) &* Int64(dest.weight)
                    < Int64(dest.connectionOverhead) &* Int64(current.weight) {
                    most = dest
                }
            } else {
                most = dest
            }
        }
        return most?.id
    }
}

/// lblcr: per packet destination address, a set of servers that grows when its members are
/// overloaded and loses its most loaded member when unchanged for longer than the expiration.
public struct LocalityBasedLeastConnectionWithReplication: Sendable, Hashable {
    /// The cache: destination address → server set.
    public private(set) var table: LocalityTable<ReplicaSet>

    init(now: Jiffies, hz: Jiffies) {
        table = LocalityTable(now: now, hz: hz)
    }

    mutating func select(_ request: SchedulingRequest, in list: DestinationList, now: Jiffies, expiration: Jiffies) -> Int? {
        let key = request.destination
        // A known address: its set is updated in place (one lookup, no copy of the members).
        let known: Int?? = table.update(key) { entry in
            entry.lastUse = now
            let least = entry.payload.leastLoaded(in: list)
            if entry.payload.members.count > 1 && now > entry.payload.lastModified + expiration,
               let most = entry.payload.mostLoaded(in: list) {
                entry.payload.erase(most, now: now)
            }
            if let least, let index = list.index(of: least), !isLocalityOverloaded(list[index], in: list) {
                return index
            }
            guard let index = WeightedLeastConnection.select(in: list, ConnectionOverhead.self) else { return nil }
            entry.payload.insert(list[index].id, now: now)
            return index
        }
        if let known { return known }
        guard let index = WeightedLeastConnection.select(in: list, ConnectionOverhead.self) else { return nil }
        table.insert(key, payload: ReplicaSet(list[index].id, now: now), now: now)
        return index
    }

    mutating func advance(to now: Jiffies, settings: IPVSSettings) {
        table.advance(to: now, expiration: settings.lblcrExpirationSeconds * settings.hz, hz: settings.hz)
    }
}
