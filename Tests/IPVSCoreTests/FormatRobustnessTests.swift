import Testing
@testable import IPVSCore

/// Untrusted input never traps, extreme values print, and big tables print whole.
@Suite struct FormatRobustnessTests {
    struct NoNames: NameResolver {
        func addresses(forHost name: String, family: AddressFamily) -> [IPAddress] { [] }
        func port(forService name: String, protocol: TransportProtocol) -> UInt16? { nil }
        func hostName(for address: IPAddress) -> String? { nil }
        func serviceName(forPort port: UInt16, protocol: TransportProtocol) -> String? { nil }
    }

    /// A fixed-seed xorshift, so that a failure reproduces.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
    }

    @Test func mangledConnectionTextsNeverTrap() throws {
        let base = Array(try #require(FormatGolden.bytes("connections/kernel-input.txt")))
        var random = SeededGenerator(state: 0x5EED_1234_ABCD_0001)
        let alphabet = Array(" \n\t:0123456789abcdefABCDEFxyz-+".utf8)
        for _ in 0..<2000 {
            var text = base
            for _ in 0..<Int.random(in: 1...40, using: &random) {
                guard !text.isEmpty else { break }
                let index = Int.random(in: 0..<text.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: text[index] = alphabet.randomElement(using: &random) ?? 0
                case 1: text.remove(at: index)
                default: text.insert(UInt8.random(in: 0...255, using: &random), at: index)
                }
            }
            for numeric in [true, false] {
                _ = ConnectionsFormatter.format(procText: text, numeric: numeric, persistenceEngineData: !numeric, names: NoNames())
            }
        }
        let hostile: [String] = [
            "", "\n", "\n\n\n", "header", "h\nTCP", "h\n" + String(repeating: "F", count: 5000) + " 1 2 3 4 5 6 7 8\n",
            "h\nTCP FFFFFFFFFFFFFFFFFFFFFFFF FFFFFFFFFFFFFFFFFFFF 0 0 0 0 S 99999999999999999999999999999\n",
            "h\nTCP ::::::: 0 :::: 0 1:2:3:4:5:6:7:8:9 0 S 1\n",
            "h\nTCP 1:2:3:4:5:6:7:8 0 1:2:3:4:5:6:7:8 0 1:2:3:4:5:6:7:8 0 S -99999999999999999999 pe data extra\n",
        ]
        for text in hostile {
            _ = ConnectionsFormatter.format(procText: Array(text.utf8), numeric: false, persistenceEngineData: true, names: NoNames())
        }
    }

    @Test func emptyConnectionTextIsTheUnexpectedInputError() {
        let (output, failure) = ConnectionsFormatter.format(procText: [], numeric: true, persistenceEngineData: false, names: NoNames())
        #expect(output.isEmpty)
        #expect(failure == .unexpectedInput)
    }

    @Test func extremeModelValuesPrint() {
        var stats = Statistics()
        stats.connections = .max
        stats.incomingBytes = .max
        stats.outgoingBytesPerSecond = .max
        let server = RealServer(
            address: IPAddress(family: .inet6, high: .max, low: .max), port: .max, forwarding: .bypass,
            weight: .min, upperThreshold: .max, lowerThreshold: .max, tunnelType: .gue, tunnelPort: .max,
            tunnelFlags: [.checksum, .remoteChecksum], activeConnections: .max, inactiveConnections: .max,
            persistentConnections: .max, statistics: stats)
        var service = VirtualService(key: .firewallMark(.max, family: .inet6), scheduler: String(repeating: "s", count: 300),
                                     flags: [.persistent, .onePacket, .schedulerFlag1, .schedulerFlag2, .schedulerFlag3],
                                     timeout: .max, netmask: .max, persistenceEngine: "sip", statistics: stats)
        service.netmask = .max
        let entries = [ServiceListingEntry(service: service, realServers: [server, server])]
        for bits in 0..<256 {
            var options = ListingOptions()
            options.numeric = bits & 1 != 0
            options.statistics = bits & 2 != 0
            options.rate = bits & 4 != 0
            options.exact = bits & 8 != 0
            options.thresholds = bits & 16 != 0
            options.persistentConnections = bits & 32 != 0
            options.tunnelInfo = bits & 64 != 0
            options.sorted = bits & 128 != 0
            #expect(!ListingFormatter.format(entries, info: IPVSInfo(version: .max, connectionTableSize: .max), options: options, names: NoNames()).isEmpty)
        }
        #expect(!SaveFormatter.format(entries, numeric: false, names: NoNames()).isEmpty)
        // A real server's connection count is 32-bit in 1.31's listing.
        var listing = ListingOptions()
        listing.statistics = true
        listing.exact = true
        let text = String(decoding: ListingFormatter.format(entries, info: nil, options: listing, names: NoNames()), as: UTF8.self)
        #expect(text.contains(" 4294967295 "))
        #expect(text.contains(" 18446744073709551615 "))
    }

    /// Speed at this size is the benchmark's business (Scripts/bench large); here every
    /// service and server of a 16k table must come out, once.
    @Test func sixteenThousandServicesListEveryServiceAndServer() {
        var entries: [ServiceListingEntry] = []
        var random = SeededGenerator(state: 42)
        for index in 0..<16384 {
            let address = IPAddress(ipv4: 0xC000_0200 | UInt32(truncatingIfNeeded: random.next() & 0xFF))
            let key = ServiceKey.address(index % 2 == 0 ? .tcp : .udp, address, port: UInt16(truncatingIfNeeded: index))
            let servers = (0..<2).map { _ in
                RealServer(address: IPAddress(ipv4: 0xC633_6400 | UInt32(truncatingIfNeeded: random.next() & 0xFF)),
                           port: 80, forwarding: .masquerade)
            }
            entries.append(ServiceListingEntry(service: VirtualService(key: key), realServers: servers))
        }
        func lines(_ bytes: [UInt8], startingWith prefix: String) -> Int {
            String(decoding: bytes, as: UTF8.self).split(separator: "\n").filter { $0.hasPrefix(prefix) }.count
        }
        var options = ListingOptions()
        options.numeric = true
        let listing = ListingFormatter.format(entries, info: IPVSInfo(version: 0x010201, connectionTableSize: 4096), options: options, names: NoNames())
        #expect(lines(listing, startingWith: "TCP ") + lines(listing, startingWith: "UDP ") == 16384)
        #expect(lines(listing, startingWith: "  -> 198.51.100.") == 32768)
        options.statistics = true
        let statistics = ListingFormatter.format(entries, info: nil, options: options, names: NoNames())
        #expect(lines(statistics, startingWith: "  -> 198.51.100.") == 32768)
        let saved = SaveFormatter.format(entries, numeric: true, names: NoNames())
        #expect(lines(saved, startingWith: "-A ") == 16384)
        #expect(lines(saved, startingWith: "-a ") == 32768)
    }
}
