internal import CIPVSShim
import IPVSCore

// Conversions between the shim's C structs (the kernel's wire values) and the IPVSCore model.
//
// The kernel's byte orders are settled here and nowhere else: service, real-server and tunnel
// ports and the IPv4 persistence netmask travel in network order; everything else, including the
// sync daemon's multicast port, in host order. Flags go out with an all-ones mask so that an edit
// sets exactly the flags given.

// MARK: Fixed-size C arrays (imported as tuples)

/// Copies bytes into a C array, zero-filling the rest.
func setBytes<Tuple>(_ tuple: inout Tuple, _ bytes: [UInt8]) {
    withUnsafeMutableBytes(of: &tuple) { raw in
        for index in raw.indices { raw[index] = index < bytes.count ? bytes[index] : 0 }
    }
}

/// The first `count` bytes of a C array.
func getBytes<Tuple>(_ tuple: Tuple, count: Int) -> [UInt8] {
    withUnsafeBytes(of: tuple) { Array($0.prefix(count)) }
}

/// Stores a string NUL-terminated in a C char array; a longer string is cut at the array's size
/// minus one, which is still longer than any name the kernel accepts.
func setString<Tuple>(_ tuple: inout Tuple, _ string: String) {
    let utf8 = Array(string.utf8)
    withUnsafeMutableBytes(of: &tuple) { raw in
        for index in raw.indices { raw[index] = index < utf8.count && index < raw.count - 1 ? utf8[index] : 0 }
    }
}

/// The NUL-terminated string in a C char array.
func getString<Tuple>(_ tuple: Tuple) -> String {
    withUnsafeBytes(of: tuple) { raw in
        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
    }
}

/// The address in a C array of 16 bytes in network order (IPv4 in the first four). Read as two
/// integers rather than through `IPAddress(bytes:)`, whose generic body is not specialised across
/// the module boundary: a listing reads one per service and one per real server.
func kernelAddress(_ bytes: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                       UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8), family: AddressFamily) -> IPAddress {
    withUnsafeBytes(of: bytes) { raw in
        IPAddress(family: family, high: UInt64(bigEndian: raw.loadUnaligned(as: UInt64.self)),
                  low: UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
    }
}

// MARK: Statistics

extension Statistics {
    init(kernel stats: cipvs_stats) {
        self.init()
        connections = stats.conns
        incomingPackets = stats.inpkts
        outgoingPackets = stats.outpkts
        incomingBytes = stats.inbytes
        outgoingBytes = stats.outbytes
        connectionsPerSecond = stats.cps
        incomingPacketsPerSecond = stats.inpps
        outgoingPacketsPerSecond = stats.outpps
        incomingBytesPerSecond = stats.inbps
        outgoingBytesPerSecond = stats.outbps
    }
}

// MARK: Services

extension cipvs_service {
    /// Only what identifies the service: for DEL, GET, ZERO and as the parent of a real server.
    init(key: ServiceKey) {
        self.init()
        af = key.family.rawValue
        switch key {
        case .address(let transport, let address, let port):
            `protocol` = transport.rawValue
            setBytes(&addr, address.bytes)
            port_be = port.bigEndian
            fields = CIPVS_SVC_AF.rawValue | CIPVS_SVC_PROTOCOL.rawValue | CIPVS_SVC_ADDR.rawValue
                | CIPVS_SVC_PORT.rawValue
        case .firewallMark(let mark, _):
            fwmark = mark
            fields = CIPVS_SVC_AF.rawValue | CIPVS_SVC_FWMARK.rawValue
        }
    }

    /// The whole service, as NEW_SERVICE and SET_SERVICE need it.
    init(service: VirtualService) {
        self.init(key: service.key)
        setString(&sched_name, service.scheduler)
        // The kernel owns the hashed bit; asking for it would be refused or ignored.
        flags = service.flags.subtracting(.hashed).rawValue
        flags_mask = UInt32.max
        timeout = service.timeout
        netmask_be = service.family == .inet ? service.netmask.bigEndian : service.netmask
        fields |= CIPVS_SVC_SCHED_NAME.rawValue | CIPVS_SVC_FLAGS.rawValue | CIPVS_SVC_TIMEOUT.rawValue
            | CIPVS_SVC_NETMASK.rawValue
        if let engine = service.persistenceEngine {
            setString(&pe_name, engine)
            fields |= CIPVS_SVC_PE_NAME.rawValue
        }
    }

    func has(_ field: cipvs_service_field) -> Bool { fields & field.rawValue != 0 }
}

extension VirtualService {
    /// A service as the kernel reported it. The kernel's internal hashed flag is dropped.
    init(kernel service: cipvs_service) throws {
        guard service.has(CIPVS_SVC_AF), let family = AddressFamily(rawValue: service.af) else {
            throw ClientError.malformedReply("service with unknown address family \(service.af)")
        }
        let key: ServiceKey
        if service.has(CIPVS_SVC_FWMARK) && service.fwmark != 0 {
            key = .firewallMark(service.fwmark, family: family)
        } else {
            guard let transport = TransportProtocol(rawValue: service.protocol) else {
                throw ClientError.malformedReply("service with unknown protocol \(service.protocol)")
            }
            key = .address(transport, kernelAddress(service.addr, family: family), port: UInt16(bigEndian: service.port_be))
        }
        let engine = getString(service.pe_name)
        self.init(
            key: key,
            scheduler: getString(service.sched_name),
            flags: ServiceFlags(rawValue: service.flags).subtracting(.hashed),
            timeout: service.timeout,
            netmask: family == .inet ? UInt32(bigEndian: service.netmask_be) : service.netmask_be,
            persistenceEngine: engine.isEmpty ? nil : engine,
            statistics: Statistics(kernel: service.has(CIPVS_SVC_STATS64) ? service.stats64 : service.stats)
        )
    }
}

// MARK: Real servers

extension cipvs_dest {
    /// Only what identifies a real server within its service: for DEL_DEST.
    init(address: IPAddress, port: UInt16) {
        self.init()
        setBytes(&addr, address.bytes)
        port_be = port.bigEndian
        addr_family = address.family.rawValue
        fields = CIPVS_DEST_ADDR.rawValue | CIPVS_DEST_PORT.rawValue | CIPVS_DEST_ADDR_FAMILY.rawValue
    }

    /// The whole real server, as NEW_DEST and SET_DEST need it.
    init(realServer server: RealServer) {
        self.init(address: server.address, port: server.port)
        fwd_method = server.forwarding.rawValue
        weight = server.weight
        u_threshold = server.upperThreshold
        l_threshold = server.lowerThreshold
        tun_type = server.tunnelType.rawValue
        tun_port_be = server.tunnelPort.bigEndian
        tun_flags = server.tunnelFlags.rawValue
        fields |= CIPVS_DEST_FWD_METHOD.rawValue | CIPVS_DEST_WEIGHT.rawValue | CIPVS_DEST_U_THRESH.rawValue
            | CIPVS_DEST_L_THRESH.rawValue | CIPVS_DEST_TUN_TYPE.rawValue | CIPVS_DEST_TUN_PORT.rawValue
            | CIPVS_DEST_TUN_FLAGS.rawValue
    }

    func has(_ field: cipvs_dest_field) -> Bool { fields & field.rawValue != 0 }
}

/// The kernel keeps more in the connection flags than the forwarding method (IP_VS_CONN_F_FWD_MASK).
private let forwardingMask: UInt32 = 0x7

extension RealServer {
    /// A real server as the kernel reported it; its family is the service's unless the kernel says
    /// otherwise (a tunnel may cross families).
    init(kernel dest: cipvs_dest, serviceFamily: AddressFamily) throws {
        var family = serviceFamily
        if dest.has(CIPVS_DEST_ADDR_FAMILY) && dest.addr_family != 0 {
            guard let reported = AddressFamily(rawValue: dest.addr_family) else {
                throw ClientError.malformedReply("real server with unknown address family \(dest.addr_family)")
            }
            family = reported
        }
        let address = kernelAddress(dest.addr, family: family)
        guard let forwarding = ForwardingMethod(rawValue: dest.fwd_method & forwardingMask) else {
            throw ClientError.malformedReply("unknown forwarding method \(dest.fwd_method)")
        }
        guard let tunnelType = TunnelType(rawValue: dest.tun_type) else {
            throw ClientError.malformedReply("unknown tunnel type \(dest.tun_type)")
        }
        self.init(
            address: address,
            port: UInt16(bigEndian: dest.port_be),
            forwarding: forwarding,
            weight: dest.weight,
            upperThreshold: dest.u_threshold,
            lowerThreshold: dest.l_threshold,
            tunnelType: tunnelType,
            tunnelPort: UInt16(bigEndian: dest.tun_port_be),
            tunnelFlags: TunnelFlags(rawValue: dest.tun_flags),
            activeConnections: dest.active_conns,
            inactiveConnections: dest.inact_conns,
            persistentConnections: dest.persist_conns,
            statistics: Statistics(kernel: dest.has(CIPVS_DEST_STATS64) ? dest.stats64 : dest.stats)
        )
    }
}

// MARK: Sync daemons

extension cipvs_daemon {
    /// A daemon to start; zero values are left out so that the kernel picks its defaults.
    init(daemon: SyncDaemon) {
        self.init()
        state = daemon.state.rawValue
        setString(&mcast_ifn, daemon.multicastInterface)
        sync_id = daemon.syncID
        fields = CIPVS_DAEMON_STATE.rawValue | CIPVS_DAEMON_MCAST_IFN.rawValue | CIPVS_DAEMON_SYNC_ID.rawValue
        if daemon.maxLength != 0 {
            sync_maxlen = daemon.maxLength
            fields |= CIPVS_DAEMON_SYNC_MAXLEN.rawValue
        }
        if let group = daemon.multicastGroup {
            switch group.family {
            case .inet:
                setBytes(&mcast_group, group.bytes)
                fields |= CIPVS_DAEMON_MCAST_GROUP.rawValue
            case .inet6:
                setBytes(&mcast_group6, group.bytes)
                fields |= CIPVS_DAEMON_MCAST_GROUP6.rawValue
            }
        }
        if daemon.multicastPort != 0 {
            mcast_port = daemon.multicastPort
            fields |= CIPVS_DAEMON_MCAST_PORT.rawValue
        }
        if daemon.multicastTTL != 0 {
            mcast_ttl = daemon.multicastTTL
            fields |= CIPVS_DAEMON_MCAST_TTL.rawValue
        }
    }

    /// Which daemon to stop: the kernel needs only its state.
    init(stopping state: SyncDaemonState) {
        self.init()
        self.state = state.rawValue
        fields = CIPVS_DAEMON_STATE.rawValue
    }

    func has(_ field: cipvs_daemon_field) -> Bool { fields & field.rawValue != 0 }
}

extension SyncDaemon {
    /// A running daemon as the kernel reported it, with the defaults it chose filled in.
    init(kernel daemon: cipvs_daemon) throws {
        guard let state = SyncDaemonState(rawValue: daemon.state) else {
            throw ClientError.malformedReply("unknown sync daemon state \(daemon.state)")
        }
        var group: IPAddress?
        if daemon.has(CIPVS_DAEMON_MCAST_GROUP6) {
            group = IPAddress(bytes: getBytes(daemon.mcast_group6, count: 16))
        } else if daemon.has(CIPVS_DAEMON_MCAST_GROUP) {
            group = IPAddress(bytes: getBytes(daemon.mcast_group, count: 4))
        }
        self.init(
            state: state,
            multicastInterface: getString(daemon.mcast_ifn),
            syncID: daemon.sync_id,
            maxLength: daemon.sync_maxlen,
            multicastGroup: group,
            multicastPort: daemon.mcast_port,
            multicastTTL: daemon.mcast_ttl
        )
    }
}

// MARK: Timeouts and info

extension cipvs_config {
    init(timeouts: Timeouts) {
        self.init()
        tcp = timeouts.tcp
        tcp_fin = timeouts.tcpFin
        udp = timeouts.udp
        fields = CIPVS_CONFIG_TCP.rawValue | CIPVS_CONFIG_TCP_FIN.rawValue | CIPVS_CONFIG_UDP.rawValue
    }
}

extension Timeouts {
    init(kernel config: cipvs_config) {
        self.init(tcp: config.tcp, tcpFin: config.tcp_fin, udp: config.udp)
    }
}

extension IPVSInfo {
    init(kernel info: cipvs_info) throws {
        guard info.fields & CIPVS_INFO_VERSION.rawValue != 0 else {
            throw ClientError.malformedReply("GET_INFO reply without a version")
        }
        self.init(version: info.version, connectionTableSize: info.conn_tab_size)
    }
}
