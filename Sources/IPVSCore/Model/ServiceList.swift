/// The virtual services of a table as a listing holds them between reading and printing.
///
/// 1.31 prints services sorted, so every one must be read before the first is printed; with tens
/// of thousands of them, `VirtualService` (about 160 bytes, counters included) would make a
/// listing's memory grow several megabytes past 1.31's. Each service is kept here in 40 bytes:
/// its key and settings inline, its scheduler and persistence-engine names as indexes into the
/// few distinct names of the table, and its counters only when the listing prints them.
public struct ServiceList: RandomAccessCollection, Sendable {
    private struct Record: Sendable {
        var high: UInt64
        var low: UInt64
        /// The firewall mark, or the transport protocol's number for an address service.
        var markOrProtocol: UInt32
        var flags: UInt32
        var timeout: UInt32
        var netmask: UInt32
        var port: UInt16
        var family: UInt8
        var isMark: Bool
        var scheduler: UInt16
        /// `Record.noEngine` when the service has none.
        var engine: UInt16
        static let noEngine = UInt16.max
    }

    /// Chunks of `chunkSize` records: growing never copies the whole list, so reading the table
    /// never holds it twice (an array doubling its storage would, for a moment).
    private var chunks: [[Record]] = []
    public private(set) var count = 0
    private static let chunkShift = 10
    private static let chunkSize = 1 << chunkShift
    private var names: [String] = []
    private var counters: [Statistics]?
    /// FNV-1a over the keys in order: two reads of the table that agree on it hold the same
    /// services in the same order.
    public private(set) var keyDigest: UInt64 = 0xcbf2_9ce4_8422_2325

    /// - Parameter statistics: keep each service's counters (`--stats`, `--rate`, JSON); without
    ///   them the services read back with zero counters.
    public init(statistics: Bool) {
        counters = statistics ? [] : nil
    }

    /// Services in the given order.
    public init<Services: Sequence>(_ services: Services, statistics: Bool) where Services.Element == VirtualService {
        self.init(statistics: statistics)
        for service in services { append(service) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    private func record(_ position: Int) -> Record {
        chunks[position >> Self.chunkShift][position & (Self.chunkSize - 1)]
    }

    public subscript(position: Int) -> VirtualService {
        let record = record(position)
        return VirtualService(
            key: key(at: position), scheduler: names[Int(record.scheduler)], flags: ServiceFlags(rawValue: record.flags),
            timeout: record.timeout, netmask: record.netmask,
            persistenceEngine: record.engine == Record.noEngine ? nil : names[Int(record.engine)],
            statistics: counters?[position] ?? Statistics())
    }

    /// The key alone, without building the whole service.
    public func key(at position: Int) -> ServiceKey {
        let record = record(position)
        let family: AddressFamily = record.family == UInt8(truncatingIfNeeded: AddressFamily.inet6.rawValue) ? .inet6 : .inet
        if record.isMark { return .firewallMark(record.markOrProtocol, family: family) }
        let transport = TransportProtocol(rawValue: UInt16(truncatingIfNeeded: record.markOrProtocol)) ?? .tcp
        return .address(transport, IPAddress(family: family, high: record.high, low: record.low), port: record.port)
    }

    public mutating func append(_ service: VirtualService) {
        var record = Record(
            high: 0, low: 0, markOrProtocol: 0, flags: service.flags.rawValue, timeout: service.timeout,
            netmask: service.netmask, port: 0, family: UInt8(truncatingIfNeeded: service.family.rawValue),
            isMark: false, scheduler: nameIndex(service.scheduler),
            engine: service.persistenceEngine.map { nameIndex($0) } ?? Record.noEngine)
        switch service.key {
        case .address(let transport, let address, let port):
            record.high = address.high
            record.low = address.low
            record.markOrProtocol = UInt32(transport.rawValue)
            record.port = port
        case .firewallMark(let mark, _):
            record.markOrProtocol = mark
            record.isMark = true
        }
        if count & (Self.chunkSize - 1) == 0 {
            var chunk: [Record] = []
            chunk.reserveCapacity(Self.chunkSize)
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(record)
        count += 1
        counters?.append(service.statistics)
        for word in [record.high, record.low, UInt64(record.markOrProtocol) << 32 | UInt64(record.port) << 16
                        | UInt64(record.family) << 1 | (record.isMark ? 1 : 0)] {
            for shift in stride(from: 0, to: 64, by: 8) {
                keyDigest = (keyDigest ^ (word >> UInt64(shift) & 0xFF)) &* 0x100_0000_01b3
            }
        }
    }

    /// A table uses a handful of names (the kernel has 14 schedulers and one engine), so a
    /// linear search beats hashing. 65,535 distinct names cannot occur: the kernel only accepts
    /// names of modules it has; past them the last slot would be reused.
    private mutating func nameIndex(_ name: String) -> UInt16 {
        if let index = names.firstIndex(of: name) { return UInt16(truncatingIfNeeded: index) }
        if names.count < Int(Record.noEngine) {
            names.append(name)
        } else {
            names[names.count - 1] = name
        }
        return UInt16(truncatingIfNeeded: names.count - 1)
    }

    /// Positions in `--sort` order (1.31's), as `ListingOrder` sorts services; 32-bit, since
    /// the sort holds three arrays of them.
    public func listingOrder() -> [Int32] {
        ListingOrder.mergeSort((0..<Int32(truncatingIfNeeded: count)).map { $0 }) {
            ListingOrder.compare(key(at: Int($0)), key(at: Int($1)))
        }
    }
}
