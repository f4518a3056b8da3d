import Testing
import IPVSCore
@testable import IPVSNetlink

/// The shim's parsers on replies built by hand: good ones decode, damaged ones throw.
@Suite struct ReplyParsingTests {
    typealias B = ReplyBuilder

    /// A GET_SERVICE reply for TCP 192.0.2.1:80, rr, persistent 300 with mask /24, 5 connections.
    static let service: [UInt8] = {
        let stats = B.attribute(1, B.u64(5)) + B.attribute(2, B.u64(9))
        let nested = B.attribute(1, B.u16(2)) + B.attribute(2, B.u16(6))
            + B.attribute(3, [192, 0, 2, 1] + [UInt8](repeating: 0, count: 12))
            + B.attribute(4, B.be16(80)) + B.attribute(6, Array("rr".utf8) + [0])
            + B.attribute(7, B.u32(0x3) + B.u32(0xFFFF_FFFF)) + B.attribute(8, B.u32(300))
            + B.attribute(9, [255, 255, 255, 0]) + B.attribute(12, stats)
        return B.message(attributes: B.attribute(1, nested))
    }()

    @Test func serviceReplyDecodesWithNetworkOrderAndWithoutTheHashedFlag() throws {
        let service = try VirtualService(kernel: LibNL.parseService(Self.service))
        #expect(service.key == .address(.tcp, IPAddress(ipv4: 0xC000_0201), port: 80))
        #expect(service.scheduler == "rr")
        #expect(service.flags == .persistent)
        #expect(service.timeout == 300)
        #expect(service.netmask == 0xFFFF_FF00)
        #expect(service.statistics.connections == 5)
        #expect(service.statistics.incomingPackets == 9)
    }

    @Test func everyTruncationOfAServiceReplyThrows() {
        for length in 0..<Self.service.count {
            let cut = Array(Self.service.prefix(length))
            #expect(throws: ClientError.self, "cut at \(length)") { try LibNL.parseService(cut) }
            // Also with the header's own length shrunk to match: the attributes are then cut.
            if length >= 20 {
                var shrunk = cut
                shrunk.replaceSubrange(0..<4, with: B.u32(UInt32(length)))
                #expect(throws: ClientError.self, "cut at \(length), header shrunk") { try LibNL.parseService(shrunk) }
            }
        }
    }

    @Test func attributesOfTheWrongSizeThrow() {
        let shortPort = B.attribute(1, B.attribute(1, B.u16(2)) + B.attribute(4, [80]))
        #expect(throws: ClientError.self) { try LibNL.parseService(B.message(attributes: shortPort)) }
        let shortFlags = B.attribute(1, B.attribute(1, B.u16(2)) + B.attribute(7, B.u32(1)))
        #expect(throws: ClientError.self) { try LibNL.parseService(B.message(attributes: shortFlags)) }
        let unterminated = B.attribute(1, B.attribute(6, Array("wlc!".utf8)))
        #expect(throws: ClientError.self) { try LibNL.parseService(B.message(attributes: unterminated)) }
        let lengthPastEnd = B.attribute(1, B.u16(40) + B.u16(1) + B.u16(2) + [0, 0])
        #expect(throws: ClientError.self) { try LibNL.parseService(B.message(attributes: lengthPastEnd)) }
    }

    @Test func aReplyWithoutTheServiceAttributeThrows() {
        #expect(throws: ClientError.self) { try LibNL.parseService(B.message(attributes: [])) }
    }

    @Test func unknownFamilyOrProtocolIsAMalformedReply() throws {
        let nested = B.attribute(1, B.u16(99)) + B.attribute(2, B.u16(6))
        let parsed = try LibNL.parseService(B.message(attributes: B.attribute(1, nested)))
        #expect(throws: ClientError.self) { try VirtualService(kernel: parsed) }
    }

    @Test func destinationReplyKeepsOnlyTheForwardingBitsOfTheConnectionFlags() throws {
        let nested = B.attribute(1, [198, 51, 100, 7] + [UInt8](repeating: 0, count: 12))
            + B.attribute(2, B.be16(8080)) + B.attribute(3, B.u32(0x0100 | 2)) + B.attribute(4, B.u32(3))
            + B.attribute(7, B.u32(11)) + B.attribute(13, [1]) + B.attribute(14, B.be16(6080))
            + B.attribute(15, B.u16(1))
        let dest = try LibNL.parseDestination(B.message(attributes: B.attribute(2, nested)))
        let server = try RealServer(kernel: dest, serviceFamily: .inet)
        #expect(server.address == IPAddress(ipv4: 0xC633_6407))
        #expect(server.port == 8080)
        #expect(server.forwarding == .tunnel)
        #expect(server.weight == 3)
        #expect(server.activeConnections == 11)
        #expect(server.tunnelType == .gue)
        #expect(server.tunnelPort == 6080)
        #expect(server.tunnelFlags == .checksum)
    }

    @Test func acksAreSplitAndMatchedBySequence() throws {
        let datagram = B.ack(sequence: 10, error: 0) + B.ack(sequence: 11, error: -17)
            + B.u32(20) + B.u16(3) + B.u16(2) + B.u32(7) + B.u32(0) + B.u32(0)
        let replies = try LibNL.messages(in: datagram)
        #expect(replies.map(\.sequence) == [10, 11, 7])
        #expect(replies.map(\.error) == [0, 17, 0])
        #expect(replies[0].isAcknowledgement && replies[1].isAcknowledgement && replies[2].isDone)
    }

    @Test func aDatagramCutInsideAMessageThrows() {
        let datagram = B.ack(sequence: 10, error: 0) + B.ack(sequence: 11, error: 0)
        for length in 1..<datagram.count where length != 36 {
            #expect(throws: ClientError.self, "cut at \(length)") { try LibNL.messages(in: Array(datagram.prefix(length))) }
        }
    }

    @Test func dumpInterruptedFlagIsSeen() throws {
        let replies = try LibNL.messages(in: B.message(flags: 0x12, attributes: []))
        #expect(replies.first?.dumpWasInterrupted == true)
    }
}
