/// One service's scheduler: its name and the state the kernel keeps for it.
///
/// State lives in plain stored properties (only the one for `name` is meaningful) so that
/// scheduling mutates it in place: no existential, no per-decision allocation. The owner calls
/// the hooks after changing the destination list, in the kernel's order (link, then hook).
public struct Scheduler: Sendable {
    public let name: SchedulerName
    public let settings: IPVSSettings

    public private(set) var roundRobin = RoundRobin()
    public private(set) var weightedRoundRobin: WeightedRoundRobin
    public private(set) var sourceHashing: SourceHashing?
    public private(set) var destinationHashing: DestinationHashing?
    public private(set) var maglevHashing: MaglevHashing?
    public private(set) var localityBased: LocalityBasedLeastConnection?
    public private(set) var localityBasedReplicated: LocalityBasedLeastConnectionWithReplication?

    /// `init_service`: fresh state for the current list at time `now`.
    public init(name: SchedulerName, destinations list: DestinationList, now: Jiffies, settings: IPVSSettings = IPVSSettings()) {
        self.name = name
        self.settings = settings
        weightedRoundRobin = WeightedRoundRobin(list: list)
        switch name {
        case .sh: sourceHashing = SourceHashing(list: list, bits: settings.sourceHashTableBits)
        case .dh: destinationHashing = DestinationHashing(list: list)
        case .mh: maglevHashing = MaglevHashing(list: list, tableIndex: settings.maglevTableIndex)
        case .lblc: localityBased = LocalityBasedLeastConnection(now: now, hz: settings.hz)
        case .lblcr: localityBasedReplicated = LocalityBasedLeastConnectionWithReplication(now: now, hz: settings.hz)
        case .rr, .wrr, .lc, .wlc, .sed, .nq, .fo, .ovf, .twos: break
        }
    }

    /// Picks the destination for a new connection; returns its list index, or nil for "no
    /// destination available".
    public mutating func select(
        _ request: SchedulingRequest, flags: SchedulerFlags = [], in list: DestinationList,
        now: Jiffies, random: inout SchedulerRandom
    ) -> Int? {
        switch name {
        case .rr: return roundRobin.select(in: list)
        case .wrr: return weightedRoundRobin.select(in: list)
        case .lc: return LeastConnection.select(in: list)
        case .wlc: return WeightedLeastConnection.select(in: list, ConnectionOverhead.self)
        case .sed: return WeightedLeastConnection.select(in: list, ExpectedDelayOverhead.self)
        case .nq: return NeverQueue.select(in: list)
        case .fo: return WeightedFailover.select(in: list)
        case .ovf: return WeightedOverflow.select(in: list)
        case .twos: return WeightedRandomTwoChoices.select(in: list, random: &random)
        case .sh: return sourceHashing?.select(request, flags: flags, in: list)
        case .dh: return destinationHashing?.select(request, in: list)
        case .mh: return maglevHashing?.select(request, flags: flags, in: list)
        case .lblc: return localityBased?.select(request, in: list, now: now)
        case .lblcr:
            let expiration = settings.lblcrExpirationSeconds * settings.hz
            return localityBasedReplicated?.select(request, in: list, now: now, expiration: expiration)
        }
    }

    /// `add_dest`, after the new destination was linked at the front of the list.
    public mutating func destinationAdded(_ list: DestinationList) {
        switch name {
        case .wrr: weightedRoundRobin.destinationsChanged(list)
        case .sh: sourceHashing?.reassign(list)
        case .dh: destinationHashing?.reassign(list)
        case .mh: maglevHashing?.reassign(list)
        default: break
        }
    }

    /// `del_dest`, after the destination (which was at `formerIndex`) was unlinked.
    public mutating func destinationRemoved(_ id: DestinationID, formerIndex: Int, _ list: DestinationList) {
        switch name {
        case .rr: roundRobin.didRemove(id, formerIndex: formerIndex, in: list)
        case .wrr: weightedRoundRobin.destinationsChanged(list)
        case .sh: sourceHashing?.reassign(list)
        case .dh: destinationHashing?.reassign(list)
        case .mh: maglevHashing?.reassign(list)
        default: break
        }
    }

    /// `upd_dest`, after a weight or threshold edit. dh has no such hook.
    public mutating func destinationEdited(_ list: DestinationList) {
        switch name {
        case .wrr: weightedRoundRobin.destinationsChanged(list)
        case .sh: sourceHashing?.reassign(list)
        case .mh: maglevHashing?.reassign(list)
        default: break
        }
    }

    /// Runs the lblc/lblcr periodic timers due at or before `now`.
    public mutating func advance(to now: Jiffies) {
        switch name {
        case .lblc: localityBased?.advance(to: now, settings: settings)
        case .lblcr: localityBasedReplicated?.advance(to: now, settings: settings)
        default: break
        }
    }
}
