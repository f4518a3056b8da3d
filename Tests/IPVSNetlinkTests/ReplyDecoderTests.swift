import Testing
import IPVSCore
import IPVSNetlink

/// The socket-free decoder the fuzz target drives: damage is an error value, never a trap.
@Suite struct ReplyDecoderTests {
    typealias B = ReplyBuilder

    @Test func aServiceReplyDecodesAsAServiceAndFailsAsTheOtherKinds() throws {
        let decoded = try ReplyDecoder.decode(datagram: ReplyParsingTests.service)
        #expect(decoded.count == 1)
        let service = try decoded[0].service.get()
        #expect(service.key == .address(.tcp, IPAddress(ipv4: 0xC000_0201), port: 80))
        #expect(throws: ClientError.self) { try decoded[0].realServer.get() }
    }

    @Test func everyTruncationOfADatagramIsAnErrorOrAShorterReading() {
        let datagram = ReplyParsingTests.service + B.ack(sequence: 7, error: 0)
        for length in 0..<datagram.count {
            let cut = Array(datagram.prefix(length))
            if let decoded = try? ReplyDecoder.decode(datagram: cut) {
                // Only whole messages come out of a cut datagram.
                #expect(decoded.count <= 1, "cut at \(length)")
            }
        }
    }

    @Test func aTruncatedAttributeInsideAWholeMessageIsAFailedReading() throws {
        let lengthPastEnd = B.attribute(1, B.u16(40) + B.u16(1) + B.u16(2) + [0, 0])
        let decoded = try ReplyDecoder.decode(datagram: B.message(attributes: lengthPastEnd))
        #expect(decoded.count == 1)
        #expect(throws: ClientError.self) { try decoded[0].service.get() }
        #expect(throws: ClientError.self) { try decoded[0].daemon.get() }
    }

    @Test func aHeaderLongerThanTheDatagramThrows() {
        var datagram = B.ack(sequence: 1, error: 0)
        datagram.replaceSubrange(0..<4, with: B.u32(4096))
        #expect(throws: ClientError.self) { try ReplyDecoder.decode(datagram: datagram) }
    }
}
