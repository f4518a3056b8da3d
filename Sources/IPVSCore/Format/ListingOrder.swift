/// The order of `--sort` (the default), as ipvsadm 1.31 produces it with glibc's `qsort`.
///
/// 1.31 compares by subtracting fields as 32-bit integers, which overflows for firewall marks or
/// address words that differ by 2^31 or more; such a comparison is not transitive, so the result depends
/// on the sorting algorithm. glibc's `qsort` is a top-down merge sort (`msort`), replayed here exactly,
/// so the order matches 1.31's even then. Recorded in the FormatGolden `sort-*` cases.
enum ListingOrder {
    /// Services by firewall mark, family, protocol, address, then port.
    static func sortServices(_ entries: [ServiceListingEntry]) -> [ServiceListingEntry] {
        mergeSort(entries) { compare($0.service, $1.service) }
    }

    /// Real servers by address, then port.
    static func sortRealServers(_ servers: [RealServer]) -> [RealServer] {
        mergeSort(servers) { lhs, rhs in
            let order = compareAddresses(lhs.address, rhs.address)
            if order != 0 { return order }
            return Int32(lhs.port) - Int32(rhs.port)
        }
    }

    static func compare(_ lhs: VirtualService, _ rhs: VirtualService) -> Int32 {
        compare(lhs.key, rhs.key)
    }

    static func compare(_ lhs: ServiceKey, _ rhs: ServiceKey) -> Int32 {
        let (lhsMark, lhsProtocol, lhsAddress, lhsPort) = fields(lhs)
        let (rhsMark, rhsProtocol, rhsAddress, rhsPort) = fields(rhs)
        var order = Int32(bitPattern: lhsMark &- rhsMark)
        if order != 0 { return order }
        order = Int32(lhs.family.rawValue) - Int32(rhs.family.rawValue)
        if order != 0 { return order }
        order = Int32(lhsProtocol) - Int32(rhsProtocol)
        if order != 0 { return order }
        if let lhsAddress, let rhsAddress {
            order = compareAddresses(lhsAddress, rhsAddress)
            if order != 0 { return order }
        }
        return Int32(lhsPort) - Int32(rhsPort)
    }

    private static func fields(_ key: ServiceKey) -> (UInt32, UInt16, IPAddress?, UInt16) {
        switch key {
        case .address(let transport, let address, let port): return (0, transport.rawValue, address, port)
        case .firewallMark(let mark, _): return (mark, 0, nil, 0)
        }
    }

    /// Word by word (host order), each difference taken as a wrapping 32-bit signed subtraction.
    static func compareAddresses(_ lhs: IPAddress, _ rhs: IPAddress) -> Int32 {
        if lhs.family != rhs.family { return Int32(lhs.family.rawValue) - Int32(rhs.family.rawValue) }
        let count = lhs.family == .inet ? 1 : 4
        for index in 0..<count {
            let order = Int32(bitPattern: word(lhs, index) &- word(rhs, index))
            if order != 0 { return order }
        }
        return 0
    }

    @inline(__always) private static func word(_ address: IPAddress, _ index: Int) -> UInt32 {
        let half = index < 2 ? address.high : address.low
        return UInt32(truncatingIfNeeded: index % 2 == 0 ? half >> 32 : half)
    }

    /// glibc `msort_with_tmp`: split at n/2, sort both halves, merge taking the left element while
    /// `compare(left, right) <= 0`.
    static func mergeSort<Element>(_ items: [Element], by compare: (Element, Element) -> Int32) -> [Element] {
        guard items.count > 1 else { return items }
        var buffer = items
        var scratch = items
        sortRange(&buffer, &scratch, 0, buffer.count, compare)
        return buffer
    }

    private static func sortRange<Element>(
        _ items: inout [Element], _ scratch: inout [Element], _ start: Int, _ count: Int,
        _ compare: (Element, Element) -> Int32
    ) {
        guard count > 1 else { return }
        let leftCount = count / 2
        let rightCount = count - leftCount
        sortRange(&items, &scratch, start, leftCount, compare)
        sortRange(&items, &scratch, start + leftCount, rightCount, compare)
        var left = start, right = start + leftCount, out = start
        let leftEnd = start + leftCount, rightEnd = start + count
        while left < leftEnd, right < rightEnd {
            if compare(items[left], items[right]) <= 0 {
                scratch[out] = items[left]
                left += 1
            } else {
                scratch[out] = items[right]
                right += 1
            }
            out += 1
        }
        while left < leftEnd {
            scratch[out] = items[left]
            left += 1
            out += 1
        }
        // What remains on the right is already in place.
        for index in start..<out { items[index] = scratch[index] }
    }
}
