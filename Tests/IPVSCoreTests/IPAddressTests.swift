import Testing
@testable import IPVSCore

@Suite struct IPAddressTests {
    @Test func ipv4BytesRoundTripThroughTheInlineStorage() throws {
        let address = try #require(IPAddress(bytes: [192, 0, 2, 10]))
        #expect(address.family == .inet)
        #expect(address.ipv4Value == 0xC000_020A)
        #expect(address.bytes == [192, 0, 2, 10])
    }

    @Test func ipv6BytesRoundTripThroughTheInlineStorage() throws {
        let bytes: [UInt8] = [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]
        let address = try #require(IPAddress(bytes: bytes))
        #expect(address.family == .inet6)
        #expect(address.bytes == bytes)
    }

    @Test func addressesOfOtherLengthsAreRejected() {
        #expect(IPAddress(bytes: [1, 2, 3]) == nil)
    }

    @Test func addressesSortNumerically() {
        #expect(IPAddress(ipv4: 0xC000_0209) < IPAddress(ipv4: 0xC000_020A))
    }
}
