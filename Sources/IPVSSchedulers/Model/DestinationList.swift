/// Why a destination could not be added, edited or removed (the kernel's errno in brackets).
public enum DestinationError: Error, Sendable, Hashable {
    /// The address and port are already listed (`EEXIST`).
    case alreadyExists
    /// No listed destination has that address and port (`ENOENT`).
    case notFound
    /// A negative weight (`ERANGE`).
    case weightOutOfRange
    /// A lower threshold above the upper one (`ERANGE`).
    case thresholdsOutOfRange
}

/// The destinations of one virtual service in the kernel's list order — NEWEST FIRST, the order
/// every scheduler scans — plus the trash of removed ones that may still be referenced.
///
/// Destinations are stored contiguously in list order so that scans touch one array. Each has a
/// stable `DestinationID`; `index(of:)` maps an id to its list position in O(1).
public struct DestinationList: Sendable {
    /// Listed destinations, newest first (`/proc/net/ip_vs` order).
    public private(set) var destinations: [Destination] = []
    /// Removed destinations kept with their counters (the kernel's dest trash).
    public private(set) var trash: [Destination] = []
    /// Per id: list index if >= 0, else `~trashIndex`.
    private var locator: [Int32] = []

    public init() {}

    /// The number of listed destinations (`num_dests`).
    @inlinable public var count: Int { destinations.count }

    /// The listed destination at a list position (0 = newest).
    @inlinable public subscript(index: Int) -> Destination { destinations[index] }

    /// The list position of a destination, or nil if it is not listed (removed, or unknown).
    @inlinable
    public func index(of id: DestinationID) -> Int? {
        let raw = Int(id.rawValue)
        guard raw >= 0, raw < locatorCount else { return nil }
        let slot = locatorSlot(raw)
        return slot >= 0 ? Int(slot) : nil
    }

    /// A destination by id, listed or in the trash.
    public func destination(_ id: DestinationID) -> Destination? {
        let raw = Int(id.rawValue)
        guard raw >= 0, raw < locator.count else { return nil }
        let slot = locator[raw]
        return slot >= 0 ? destinations[Int(slot)] : trash[Int(~slot)]
    }

    /// The listed destination with an address and port.
    public func find(address: NetAddress, port: UInt16) -> DestinationID? {
        destinations.first { $0.address == address && $0.port == port }?.id
    }

    @usableFromInline var locatorCount: Int { locator.count }
    @usableFromInline func locatorSlot(_ raw: Int) -> Int32 { locator[raw] }

    // MARK: Rule changes

    /// Adds a destination at the FRONT of the list, reviving it from the trash (with its
    /// counters) when the same address and port was removed before.
    @discardableResult
    mutating func add(
        address: NetAddress, port: UInt16, settings: DestinationSettings, rule: ThresholdUpdateRule
    ) throws(DestinationError) -> DestinationID {
        try Self.validate(settings)
        if find(address: address, port: port) != nil { throw .alreadyExists }
        var dest: Destination
        if let trashIndex = trash.firstIndex(where: { $0.address == address && $0.port == port }) {
            dest = trash.remove(at: trashIndex)
            for raw in locator.indices where locator[raw] < 0 && Int(~locator[raw]) > trashIndex {
                locator[raw] += 1  // ~(i) + 1 == ~(i - 1)
            }
        } else {
            dest = Destination(id: DestinationID(rawValue: Int32(locator.count)), address: address, port: port)
            locator.append(0)
        }
        Self.apply(settings, to: &dest, isAdd: true, rule: rule)
        dest.isAvailable = true
        for raw in locator.indices where locator[raw] >= 0 { locator[raw] += 1 }
        locator[Int(dest.id.rawValue)] = 0
        destinations.insert(dest, at: 0)
        return dest.id
    }

    /// Changes weight and thresholds in place; the list order does not change.
    mutating func edit(_ id: DestinationID, settings: DestinationSettings, rule: ThresholdUpdateRule) throws(DestinationError) {
        try Self.validate(settings)
        guard let index = index(of: id) else { throw .notFound }
        Self.apply(settings, to: &destinations[index], isAdd: false, rule: rule)
    }

    /// Unlinks a destination into the trash; returns the list position it had.
    mutating func remove(_ id: DestinationID) throws(DestinationError) -> Int {
        guard let index = index(of: id) else { throw .notFound }
        var dest = destinations.remove(at: index)
        dest.isAvailable = false
        for raw in locator.indices where locator[raw] > Int32(index) { locator[raw] -= 1 }
        locator[Int(id.rawValue)] = ~Int32(trash.count)
        trash.append(dest)
        return index
    }

    private static func validate(_ settings: DestinationSettings) throws(DestinationError) {
        if settings.weight < 0 { throw .weightOutOfRange }
        if settings.lowerThreshold > settings.upperThreshold { throw .thresholdsOutOfRange }
    }

    private static func apply(_ settings: DestinationSettings, to dest: inout Destination, isAdd: Bool, rule: ThresholdUpdateRule) {
        dest.weight = settings.weight
        if isAdd || settings.weight != 0 { dest.lastWeight = settings.weight }
        let upper = settings.upperThreshold
        let lower = settings.lowerThreshold
        switch rule {
        case .clearOnRaise:
            if upper == 0 || upper > dest.upperThreshold { dest.isOverloaded = false }
        case .reevaluateOnChange:
            if upper != dest.upperThreshold || lower != dest.lowerThreshold {
                let total = dest.totalConnections
                if upper != 0 && total >= Int64(upper) {
                    dest.isOverloaded = true
                } else if upper == 0 || total < Int64(lower != 0 ? lower : upper - upper / 4) {
                    dest.isOverloaded = false
                }
            }
        }
        dest.upperThreshold = upper
        dest.lowerThreshold = lower
    }

    // MARK: Counters (ip_vs_bind_dest / ip_vs_unbind_dest)

    /// Runs `body` on a destination wherever it is (list or trash).
    private mutating func withDestination(_ id: DestinationID, _ body: (inout Destination) -> Void) {
        let raw = Int(id.rawValue)
        guard raw >= 0, raw < locator.count else { return }
        let slot = locator[raw]
        if slot >= 0 {
            body(&destinations[Int(slot)])
        } else {
            body(&trash[Int(~slot)])
        }
    }

    /// A connection or template starts referencing the destination: its counter goes up, then
    /// the upper threshold may set the overload flag.
    mutating func bind(_ id: DestinationID, _ kind: ConnectionCounter) {
        withDestination(id) { dest in
            switch kind {
            case .active: dest.activeConnections += 1
            case .inactive: dest.inactiveConnections += 1
            case .template: dest.persistentConnections += 1
            }
            if dest.upperThreshold != 0 && dest.totalConnections >= Int64(dest.upperThreshold) {
                dest.isOverloaded = true
            }
        }
    }

    /// A connection or template is released: its counter goes down, then the thresholds may
    /// clear the overload flag.
    mutating func unbind(_ id: DestinationID, _ kind: ConnectionCounter) {
        withDestination(id) { dest in
            switch kind {
            case .active: dest.activeConnections -= 1
            case .inactive: dest.inactiveConnections -= 1
            case .template: dest.persistentConnections -= 1
            }
            let total = dest.totalConnections
            if dest.lowerThreshold != 0 {
                if total < Int64(dest.lowerThreshold) { dest.isOverloaded = false }
            } else if dest.upperThreshold != 0 {
                if total * 4 < Int64(dest.upperThreshold) * 3 { dest.isOverloaded = false }
            } else {
                dest.isOverloaded = false
            }
        }
    }

    /// A connection moves between inactive and active (no threshold check, the total is unchanged).
    mutating func transfer(_ id: DestinationID, toActive: Bool) {
        withDestination(id) { dest in
            if toActive {
                dest.inactiveConnections -= 1
                dest.activeConnections += 1
            } else {
                dest.activeConnections -= 1
                dest.inactiveConnections += 1
            }
        }
    }

    /// Sets counters directly, for tests and for loading a recorded state. Thresholds are not
    /// evaluated; `overloaded`, when given, sets the flag.
    public mutating func setCounters(
        _ id: DestinationID, active: Int32? = nil, inactive: Int32? = nil, persistent: Int32? = nil,
        overloaded: Bool? = nil
    ) {
        withDestination(id) { dest in
            if let active { dest.activeConnections = active }
            if let inactive { dest.inactiveConnections = inactive }
            if let persistent { dest.persistentConnections = persistent }
            if let overloaded { dest.isOverloaded = overloaded }
        }
    }

    /// Debug-only consistency checks of the locator.
    func checkInvariants() {
        #if DEBUG
        for (index, dest) in destinations.enumerated() {
            assert(locator[Int(dest.id.rawValue)] == Int32(index), "listed locator out of date")
            assert(dest.isAvailable, "listed destination not available")
        }
        for (index, dest) in trash.enumerated() {
            assert(locator[Int(dest.id.rawValue)] == ~Int32(index), "trash locator out of date")
            assert(!dest.isAvailable, "trashed destination available")
        }
        assert(destinations.count + trash.count == locator.count, "lost destination")
        #endif
    }
}

/// Which per-destination counter a connection entry occupies.
public enum ConnectionCounter: Sendable, Hashable {
    case active
    case inactive
    case template
}
