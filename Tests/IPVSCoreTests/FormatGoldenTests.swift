import Testing
@testable import IPVSCore

/// Every listing recorded from ipvsadm 1.31 (FormatGolden/record.sh), printed again by the formatters
/// from the table rebuilt out of the same recording.
@Suite struct FormatGoldenTests {
    static let tableStates = ["traffic", "kinds", "sort", "names"]

    /// The golden listings of a state: `L*.txt` and `S*.txt`.
    static func listingCases() -> [(String, String)] {
        tableStates.flatMap { state in
            FormatGolden.files(in: state)
                .filter { ($0.hasPrefix("L") || $0.hasPrefix("S")) && $0.hasSuffix(".txt") }
                .map { (state, String($0.dropLast(4))) }
        }
    }

    @Test(arguments: listingCases())
    func listingMatches1_31(state: String, name: String) throws {
        let entries = try RecordedTable.load(state: state)
        let expected = try #require(FormatGolden.bytes("\(state)/\(name).txt"))
        let names = RecordedNames(state: state)
        let actual: [UInt8]
        if name.hasPrefix("S") {
            actual = SaveFormatter.format(entries, numeric: name == "S-n", names: names)
        } else {
            let info = RecordedTable.info(String(decoding: expected, as: UTF8.self))
            actual = ListingFormatter.format(entries, info: info, options: RecordedTable.options(name), names: names)
        }
        FormatGolden.dump("\(state)/\(name)", actual)
        #expect(String(decoding: actual, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    }

    /// `-L -t VIP:port` and friends: one service, no version line.
    static func oneServiceCases() -> [String] {
        FormatGolden.files(in: "kinds").filter { $0.hasPrefix("one-") && $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }
    }

    @Test(arguments: oneServiceCases())
    func oneServiceListingMatches1_31(name: String) throws {
        let entries = try RecordedTable.load(state: "kinds")
        let expected = try #require(FormatGolden.text("kinds/\(name).txt"))
        let options = RecordedTable.options(name)
        let names = RecordedNames(state: "kinds")
        let firstRow = try #require(RecordedTable.rows(expected).first)
        // The service the listing is of: the one whose line 1.31 printed first.
        let selected = try #require(entries.first { entry in
            let text = String(decoding: ListingFormatter.format([entry], info: nil, options: options, names: names), as: UTF8.self)
            return FormatGolden.lines(text).dropFirst(2).first == firstRow
        })
        let actual = ListingFormatter.format([selected], info: nil, options: options, names: names)
        FormatGolden.dump("kinds/\(name)", actual)
        #expect(String(decoding: actual, as: UTF8.self) == expected)
    }

    @Test(arguments: ["traffic", "kinds"])
    func timeoutsMatch1_31(state: String) throws {
        let expected = try #require(FormatGolden.text("\(state)/timeout.txt"))
        let numbers = expected.split(separator: ":").last?.split(separator: " ").compactMap { UInt32($0.filter { $0 != "\n" }) } ?? []
        try #require(numbers.count == 3)
        let actual = TimeoutsFormatter.format(Timeouts(tcp: numbers[0], tcpFin: numbers[1], udp: numbers[2]))
        #expect(String(decoding: actual, as: UTF8.self) == expected)
    }

    @Test func daemonsMatch1_31() throws {
        #expect(DaemonsFormatter.format([]) == (FormatGolden.bytes("traffic/daemon.txt") ?? [1]))
        let expected = try #require(FormatGolden.text("kinds/daemon.txt"))
        // Recorded: master on dummy0 with defaults (the kernel reports maxlen 1472), backup with every option.
        let daemons = [
            SyncDaemon(state: .master, multicastInterface: "dummy0", syncID: 0, maxLength: 1472,
                       multicastGroup: IPAddress(ipv4: 0xE000_0051), multicastPort: 8848, multicastTTL: 1),
            SyncDaemon(state: .backup, multicastInterface: "dummy0", syncID: 7, maxLength: 1024,
                       multicastGroup: IPAddress(ipv4: 0xEF01_0203), multicastPort: 9000, multicastTTL: 5),
        ]
        #expect(String(decoding: DaemonsFormatter.format(daemons), as: UTF8.self) == expected)
    }

    /// Counters of every size (an LD_PRELOAD shim fed 1.31 chosen stats64 values): the --exact listing
    /// gives the numbers, the scaled listings what 1.31 made of them.
    @Test(arguments: ["L-n-stats", "L-n-rate", "L-n-stats-sorted", "L-n-rate-sorted"])
    func scaledCountersMatch1_31(name: String) throws {
        let statsText = try #require(FormatGolden.text("scaling/L-n-stats-exact.txt"))
        let rateText = try #require(FormatGolden.text("scaling/L-n-rate-exact.txt"))
        var entries: [ServiceListingEntry] = []
        for (statsRow, rateRow) in zip(RecordedTable.rows(statsText), RecordedTable.rows(rateText)) {
            let stats = FormatGolden.words(statsRow).suffix(5).compactMap { UInt64($0) }
            let rates = FormatGolden.words(rateRow).suffix(5).compactMap { UInt64($0) }
            try #require(stats.count == 5 && rates.count == 5)
            var statistics = Statistics()
            (statistics.connections, statistics.incomingPackets, statistics.outgoingPackets) = (stats[0], stats[1], stats[2])
            (statistics.incomingBytes, statistics.outgoingBytes) = (stats[3], stats[4])
            (statistics.connectionsPerSecond, statistics.incomingPacketsPerSecond) = (rates[0], rates[1])
            (statistics.outgoingPacketsPerSecond, statistics.incomingBytesPerSecond, statistics.outgoingBytesPerSecond) = (rates[2], rates[3], rates[4])
            let words = FormatGolden.words(statsRow)
            if statsRow.hasPrefix("  -> ") {
                let (address, port) = try #require(TestAddress.hostPort(words[1]))
                var server = RealServer(address: address, port: port, forwarding: .masquerade)
                server.statistics = statistics
                try #require(!entries.isEmpty)
                entries[entries.count - 1].realServers.append(server)
            } else {
                let (address, port) = try #require(TestAddress.hostPort(words[1]))
                entries.append(ServiceListingEntry(
                    service: VirtualService(key: .address(.tcp, address, port: port), statistics: statistics), realServers: []))
            }
        }
        let expected = try #require(FormatGolden.text("scaling/\(name).txt"))
        var options = ListingOptions()
        options.numeric = true
        options.sorted = name.hasSuffix("sorted")
        options.statistics = name.contains("stats")
        options.rate = name.contains("rate")
        let actual = ListingFormatter.format(entries, info: RecordedTable.info(expected), options: options, names: RecordedNames(state: "scaling"))
        FormatGolden.dump("scaling/\(name)", actual)
        #expect(String(decoding: actual, as: UTF8.self) == expected)
    }

    static func connectionCases() -> [String] {
        FormatGolden.files(in: "connections").filter { $0.hasSuffix(".txt") && $0.contains("-c") }.map { String($0.dropLast(4)) }
    }

    /// `-L -c` over chosen /proc/net/ip_vs_conn texts (fed to 1.31 through an LD_PRELOAD shim) and the
    /// kernel's own from the traffic state.
    @Test(arguments: connectionCases())
    func connectionListingMatches1_31(name: String) throws {
        // NAME-c[-n][-persistent-conn]: the input is NAME-input.txt.
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        let cut = try #require(parts.lastIndex(of: "c"))
        let base = parts[..<cut].joined(separator: "-")
        let input = try #require(FormatGolden.bytes("connections/\(base)-input.txt"))
        let variant = parts[(cut + 1)...]
        let (output, failure) = ConnectionsFormatter.format(
            procText: input, numeric: variant.contains("n"), persistenceEngineData: variant.contains("persistent"),
            names: RecordedNames(state: "connections"))
        let expected = try #require(FormatGolden.text("connections/\(name).txt"))
        FormatGolden.dump("connections/\(name)", output)
        #expect(String(decoding: output, as: UTF8.self) == expected)
        let status = FormatGolden.text("connections/\(name).rc").map { $0.filter { $0 != "\n" } }
        #expect((failure == nil ? nil : "1") == status)
        let stderr = FormatGolden.text("connections/\(name).stderr")
        #expect(failure?.message.map { $0 + "\n" } == stderr)
    }
}

extension FormatGoldenTests {
    /// Every forwarding method, including Local and bypass, which only the kernel can set (recorded by
    /// answering 1.31's read of the method through an LD_PRELOAD shim).
    @Test(arguments: ForwardingMethod.allCases)
    func forwardingMethodsMatch1_31(method: ForwardingMethod) throws {
        var entries = try RecordedTable.load(state: "forwarding")
        for index in entries.indices {
            for server in entries[index].realServers.indices { entries[index].realServers[server].forwarding = method }
        }
        let names = RecordedNames(state: "forwarding")
        for variant in ["L-n", "L-n-tun-info", "S-n"] {
            let expected = try #require(FormatGolden.text("forwarding/fwd\(method.rawValue)-\(variant).txt"))
            let actual = variant.hasPrefix("S")
                ? SaveFormatter.format(entries, numeric: true, names: names)
                : ListingFormatter.format(entries, info: RecordedTable.info(expected), options: RecordedTable.options(variant), names: names)
            #expect(String(decoding: actual, as: UTF8.self) == expected, "\(variant)")
        }
    }
}
