/// Why an engine operation was refused.
public enum ServiceStateError: Error, Sendable, Hashable {
    case destination(DestinationError)
    /// `open` with an id that is already open.
    case connectionExists(ConnectionID)
}

/// What `open` did.
public enum OpenOutcome: Sendable, Hashable {
    /// The scheduler chose the destination (a new template was created for a persistent service).
    case scheduled(DestinationID)
    /// A valid persistence template chose it; the scheduler was not consulted.
    case persistent(DestinationID)
    /// No destination: the connection was not created (the kernel answers ICMP port
    /// unreachable or lets the packet through, see schedulers.md 15.4).
    case noDestination

    /// The destination chosen, if any.
    public var destination: DestinationID? {
        switch self {
        case .scheduled(let id), .persistent(let id): id
        case .noDestination: nil
        }
    }
}

/// One virtual service as the kernel runs it: its destination list, scheduler state,
/// connection entries and persistence templates, driven by events and an explicit clock.
///
/// Time only moves through `advance`; nothing reads a system clock. Connection entries do not
/// time out by themselves: the caller expires them (`expire`), as a replay of a kernel trace
/// does. Templates and the lblc/lblcr timers do run on the clock.
public struct IPVSServiceState: Sendable {
    public private(set) var configuration: ServiceConfiguration
    public let settings: IPVSSettings
    public private(set) var destinations = DestinationList()
    public private(set) var scheduler: Scheduler
    /// The current time, in jiffies since the service was created.
    public private(set) var now: Jiffies
    public private(set) var connections: [ConnectionID: Connection] = [:]
    public private(set) var templates: [TemplateID: PersistenceTemplate] = [:]
    /// The template each key currently matches (invalidated templates are not listed).
    private var templateIndex: [TemplateKey: TemplateID] = [:]
    private var nextTemplate: UInt64 = 0
    /// The random source of twos.
    public var random: SchedulerRandom

    /// A service with no destinations, created at time `now`.
    public init(configuration: ServiceConfiguration, settings: IPVSSettings = IPVSSettings(), now: Jiffies = 0, randomSeed: UInt64 = 0) {
        self.configuration = configuration
        self.settings = settings
        self.now = now
        random = SchedulerRandom(seed: randomSeed)
        scheduler = Scheduler(name: configuration.scheduler, destinations: DestinationList(), now: now, settings: settings)
    }

    // MARK: Rules

    /// `ipvsadm -a`: links the destination at the front of the list (reviving it from the trash
    /// with its counters if it was removed before), then runs the scheduler's add hook.
    @discardableResult
    public mutating func addDestination(
        _ address: NetAddress, port: UInt16, _ settings: DestinationSettings = DestinationSettings()
    ) throws(ServiceStateError) -> DestinationID {
        let id: DestinationID
        do {
            id = try destinations.add(address: address, port: port, settings: settings, rule: self.settings.thresholdUpdate)
        } catch {
            throw .destination(error)
        }
        destinations.checkInvariants()
        scheduler.destinationAdded(destinations)
        return id
    }

    /// `ipvsadm -e`: new weight and thresholds in place, then the scheduler's update hook.
    public mutating func editDestination(_ address: NetAddress, port: UInt16, _ settings: DestinationSettings) throws(ServiceStateError) {
        guard let id = destinations.find(address: address, port: port) else { throw .destination(.notFound) }
        do {
            try destinations.edit(id, settings: settings, rule: self.settings.thresholdUpdate)
        } catch {
            throw .destination(error)
        }
        scheduler.destinationEdited(destinations)
    }

    /// `ipvsadm -d`: unlinks the destination into the trash (its connections and templates keep
    /// it referenced), then runs the scheduler's delete hook.
    public mutating func removeDestination(_ address: NetAddress, port: UInt16) throws(ServiceStateError) {
        guard let id = destinations.find(address: address, port: port) else { throw .destination(.notFound) }
        let formerIndex: Int
        do {
            formerIndex = try destinations.remove(id)
        } catch {
            throw .destination(error)
        }
        destinations.checkInvariants()
        scheduler.destinationRemoved(id, formerIndex: formerIndex, destinations)
    }

    /// `ipvsadm -E`: a different scheduler name starts that scheduler afresh on the current list;
    /// the same name keeps its state. Flags, persistence and one-packet are just stored.
    public mutating func editService(_ newConfiguration: ServiceConfiguration) {
        let schedulerChanged = newConfiguration.scheduler != configuration.scheduler
        configuration = newConfiguration
        if schedulerChanged {
            scheduler = Scheduler(name: newConfiguration.scheduler, destinations: destinations, now: now, settings: settings)
        }
    }

    /// Changes only the scheduler (see `editService`).
    public mutating func setScheduler(_ name: SchedulerName) {
        var changed = configuration
        changed.scheduler = name
        editService(changed)
    }

    /// Sets a destination's counters directly (tests, loading a recorded state).
    public mutating func setCounters(_ id: DestinationID, active: Int32? = nil, inactive: Int32? = nil, overloaded: Bool? = nil) {
        destinations.setCounters(id, active: active, inactive: inactive, overloaded: overloaded)
    }

    // MARK: Scheduling

    /// Asks the scheduler alone, with no template lookup and no connection bookkeeping (the
    /// scheduler's own state still moves, as it would in the kernel).
    public mutating func schedule(_ request: SchedulingRequest) -> DestinationID? {
        guard let index = scheduler.select(
            request, flags: configuration.schedulerFlags, in: destinations, now: now, random: &random)
        else { return nil }
        return destinations[index].id
    }

    /// The first packet of a new connection from `client:clientPort` to `virtual:virtualPort`.
    ///
    /// Persistent services look for a valid template first and follow it regardless of weight
    /// and overload; otherwise the scheduler chooses (and a template is created). The entry is
    /// bound inactive; TCP then becomes active at once (its SYN moves it to SYN_RECV). UDP stays
    /// inactive. One-packet UDP entries are bound and released at once and not kept.
    @discardableResult
    public mutating func open(
        _ id: ConnectionID, _ packetProtocol: PacketProtocol, client: NetAddress, clientPort: UInt16,
        virtual: NetAddress, virtualPort: UInt16
    ) throws(ServiceStateError) -> OpenOutcome {
        if connections[id] != nil { throw .connectionExists(id) }
        let request = SchedulingRequest(
            packetProtocol: packetProtocol, source: client, sourcePort: clientPort,
            destination: virtual, destinationPort: virtualPort)
        let outcome: OpenOutcome
        var templateID: TemplateID?
        if let persistence = configuration.persistence {
            let key = templateKey(packetProtocol, client: client, persistence: persistence)
            if let found = validTemplate(for: key) {
                templateID = found.id
                outcome = .persistent(found.destination)
            } else {
                guard let chosen = schedule(request) else { return .noDestination }
                let template = createTemplate(key, destination: chosen, persistence: persistence)
                templateID = template
                outcome = .scheduled(chosen)
            }
        } else {
            guard let chosen = schedule(request) else { return .noDestination }
            outcome = .scheduled(chosen)
        }
        guard let destination = outcome.destination else { return outcome }

        destinations.bind(destination, .inactive)
        var counter = ConnectionCounter.inactive
        if packetProtocol == .tcp {
            destinations.transfer(destination, toActive: true)
            counter = .active
        }
        if let templateID, var template = templates[templateID] {
            template.expires = now + template.timeout
            if !(configuration.onePacket && packetProtocol == .udp) { template.controlledConnections += 1 }
            templates[templateID] = template
        }
        if configuration.onePacket && packetProtocol == .udp {
            destinations.unbind(destination, counter)
            return outcome
        }
        connections[id] = Connection(
            id: id, packetProtocol: packetProtocol, client: client, clientPort: clientPort,
            virtualAddress: virtual, virtualPort: virtualPort, destination: destination,
            counter: counter, template: templateID)
        return outcome
    }

    /// The connection leaves the active states (TCP FIN or RST): active → inactive. UDP entries
    /// are always inactive, so nothing changes. Returns false for an unknown id.
    @discardableResult
    public mutating func close(_ id: ConnectionID) -> Bool {
        guard var connection = connections[id] else { return false }
        if connection.counter == .active {
            destinations.transfer(connection.destination, toActive: false)
            connection.counter = .inactive
            connections[id] = connection
        }
        return true
    }

    /// The connection enters an active state again (an SCTP association established, a TCP
    /// entry re-established): inactive → active. UDP never does. Returns false for an unknown id.
    @discardableResult
    public mutating func establish(_ id: ConnectionID) -> Bool {
        guard var connection = connections[id] else { return false }
        if connection.counter == .inactive && connection.packetProtocol != .udp {
            destinations.transfer(connection.destination, toActive: true)
            connection.counter = .active
            connections[id] = connection
        }
        return true
    }

    /// The entry is freed: its counter goes down (thresholds may clear the overload flag) and its
    /// template controls one connection fewer. Returns false for an unknown id.
    @discardableResult
    public mutating func expire(_ id: ConnectionID) -> Bool {
        guard let connection = connections.removeValue(forKey: id) else { return false }
        destinations.unbind(connection.destination, connection.counter)
        if let templateID = connection.template {
            templates[templateID]?.controlledConnections -= 1
        }
        return true
    }

    // MARK: Time

    /// Moves the clock forward by whole seconds (`seconds * hz` jiffies).
    public mutating func advance(seconds: Int64) {
        advance(jiffies: seconds * settings.hz)
    }

    /// Moves the clock forward and fires every timer due: template expiry (a template still
    /// controlling connections is re-armed for 60 s, its timeout becoming 60 s; otherwise it is
    /// removed and its destination's `persistentConnections` drops), and the lblc/lblcr timers.
    public mutating func advance(jiffies: Jiffies) {
        guard jiffies > 0 else { return }
        now += jiffies
        let rearm = 60 * settings.hz
        var expired: [TemplateID] = []
        for (id, template) in templates where template.expires <= now {
            if template.controlledConnections > 0 {
                var kept = template
                let periods = (now - template.expires) / rearm + 1
                kept.expires = template.expires + periods * rearm
                kept.timeout = rearm
                templates[id] = kept
            } else {
                expired.append(id)
            }
        }
        for id in expired.sorted() {
            guard let template = templates.removeValue(forKey: id) else { continue }
            if templateIndex[template.key] == id { templateIndex[template.key] = nil }
            destinations.unbind(template.destination, .template)
        }
        scheduler.advance(to: now)
    }

    /// The real-server port a new connection to `virtualPort` is forwarded to. Without
    /// persistence: the destination's port, or the packet's when that is 0. With persistence
    /// (`ip_vs_sched_persist`): the destination's port only when the packet went to the service
    /// port and that port is not 0; otherwise the packet's own port — so a persistent fwmark or
    /// port-0 service forwards to the port the client asked for, whatever port the server has.
    public func forwardedPort(to destination: DestinationID, virtualPort: UInt16) -> UInt16 {
        guard let dest = destinations.destination(destination) else { return virtualPort }
        if configuration.persistence != nil {
            let toServicePort = configuration.firewallMark == nil && virtualPort == configuration.port
            return toServicePort && dest.port != 0 ? dest.port : virtualPort
        }
        return dest.port != 0 ? dest.port : virtualPort
    }

    // MARK: Templates

    /// The template key of a client for this service (schedulers.md 15.3).
    public func templateKey(_ packetProtocol: PacketProtocol, client: NetAddress, persistence: Persistence) -> TemplateKey {
        let masked = client.masked(by: persistence.netmask ?? NetAddress.hostMask(client.family))
        if configuration.firewallMark != nil {
            return TemplateKey(packetProtocol: .ip, client: masked, virtualPort: 0)
        }
        let port: UInt16 = configuration.port == 21 ? 0 : configuration.port
        return TemplateKey(packetProtocol: packetProtocol, client: masked, virtualPort: port)
    }

    /// The template for a key if it is still valid; an invalid one (destination removed, or
    /// quiesced with `expireQuiescentTemplate`) is neutralised: never matched again.
    private mutating func validTemplate(for key: TemplateKey) -> PersistenceTemplate? {
        guard let id = templateIndex[key], let template = templates[id] else { return nil }
        let dest = destinations.destination(template.destination)
        let valid: Bool
        if let dest, dest.isAvailable {
            valid = !(settings.expireQuiescentTemplate && dest.weight == 0)
        } else {
            valid = false
        }
        if valid { return template }
        templates[id]?.isInvalidated = true
        templateIndex[key] = nil
        return nil
    }

    private mutating func createTemplate(_ key: TemplateKey, destination: DestinationID, persistence: Persistence) -> TemplateID {
        let id = TemplateID(rawValue: nextTemplate)
        nextTemplate += 1
        let timeout = Jiffies(persistence.timeoutSeconds) * settings.hz
        templates[id] = PersistenceTemplate(
            id: id, key: key, destination: destination, timeout: timeout, expires: now + timeout,
            controlledConnections: 0, isInvalidated: false)
        templateIndex[key] = id
        destinations.bind(destination, .template)
        return id
    }
}
