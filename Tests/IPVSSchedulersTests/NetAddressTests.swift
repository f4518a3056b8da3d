import Testing
@testable import IPVSSchedulers

@Suite struct NetAddressTests {
    @Test func parsesAndPrintsDottedQuad() {
        #expect(NetAddress("192.168.1.100") == v4(192, 168, 1, 100))
        #expect(v4(192, 168, 1, 100).description == "192.168.1.100")
    }

    @Test func rejectsMalformedText() {
        for text in ["", "1.2.3", "1.2.3.256", "1.2.3.4.5", "::1::", "1:2:3:4:5:6:7:8:9", "g::1"] {
            #expect(NetAddress(text) == nil, "\(text)")
        }
    }

    @Test func parsesAndPrintsCompressedIPv6() {
        let address = NetAddress("2001:db8::1")
        #expect(address == NetAddress(ipv6High: 0x2001_0DB8_0000_0000, low: 1))
        #expect(address?.description == "2001:db8::1")
        #expect(NetAddress("::")?.description == "::")
    }

    @Test func foldOfIPv4IsItsHostOrderValue() {
        #expect(v4(10, 1, 2, 3).folded == 0x0A01_0203)
    }

    @Test func foldOfIPv6XorsItsFourWords() {
        let address = NetAddress(ipv6High: 0x2001_0DB8_0000_0000, low: 1)
        #expect(address.folded == 0x2001_0DB8 ^ 1)
    }

    @Test func prefixMaskKeepsLeadingBits() {
        #expect(NetAddress.mask(prefixLength: 24, family: .ipv4) == v4(255, 255, 255, 0))
        #expect(v4(10, 1, 2, 3).masked(by: NetAddress.mask(prefixLength: 24, family: .ipv4)) == v4(10, 1, 2, 0))
        let mask64 = NetAddress.mask(prefixLength: 64, family: .ipv6)
        #expect(mask64.high == UInt64.max && mask64.low == 0)
    }
}
