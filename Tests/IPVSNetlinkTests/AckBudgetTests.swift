import Testing
@testable import IPVSNetlink

/// How many requests a datagram may carry so that the receive buffer holds every ack.
///
/// Figures measured on the test bed's kernel (Debian 6.1.0-57, x86-64, /proc/net/netlink's Rmem
/// after a send, nothing read): an ack of 36 bytes costs 768; a refusal of a 220-byte request
/// with errors not capped, 240 bytes, costs 1280; SO_RCVBUF reads 425984 with Debian's
/// rmem_max of 212992 and 8192 with rmem_max 4096, where 10 acks queued and the 11th was dropped.
@Suite struct AckBudgetTests {
    static let debianBuffer = 425_984
    static let tinyBuffer = 8192

    @Test func aCappedAckIsBoundedAboveItsMeasuredCharge() {
        let bound = AckBudget.chargeBound(requestLength: 220, errorsCapped: true)
        #expect(bound >= 768)
        #expect(bound == 1536)
    }

    @Test func aCappedAcksBoundDoesNotGrowWithTheRequest() {
        #expect(AckBudget.chargeBound(requestLength: 4000, errorsCapped: true)
                == AckBudget.chargeBound(requestLength: 20, errorsCapped: true))
    }

    @Test func anUncappedRefusalIsBoundedAboveItsMeasuredCharge() {
        #expect(AckBudget.chargeBound(requestLength: 220, errorsCapped: false) >= 1280)
    }

    @Test func anUncappedRefusalOfALongRequestCostsMore() {
        #expect(AckBudget.chargeBound(requestLength: 1500, errorsCapped: false)
                > AckBudget.chargeBound(requestLength: 220, errorsCapped: false))
    }

    @Test func debiansDefaultBufferKeepsTheBatchAt128() {
        #expect(AckBudget.requestsPerDatagram(receiveBuffer: Self.debianBuffer, requestLength: 220,
                                              errorsCapped: true, limit: 128) == 128)
    }

    @Test func debiansDefaultBufferHoldsMoreThan128Acks() {
        #expect(AckBudget.requestsPerDatagram(receiveBuffer: Self.debianBuffer, requestLength: 220,
                                              errorsCapped: true, limit: 6000) == 277)
    }

    @Test func aTinyBufferShrinksTheBatchBelowWhatTheKernelQueues() {
        let count = AckBudget.requestsPerDatagram(receiveBuffer: Self.tinyBuffer, requestLength: 220,
                                                  errorsCapped: true, limit: 128)
        #expect(count == 5)
        #expect(count * 768 < Self.tinyBuffer)
    }

    @Test func aBufferTooSmallForOneBoundStillSendsOneRequest() {
        #expect(AckBudget.requestsPerDatagram(receiveBuffer: 1000, requestLength: 220,
                                              errorsCapped: true, limit: 128) == 1)
        #expect(AckBudget.requestsPerDatagram(receiveBuffer: 0, requestLength: 220,
                                              errorsCapped: true, limit: 128) == 1)
    }

    @Test func theChargeStaysStrictlyBelowTheBuffer() {
        let bound = AckBudget.chargeBound(requestLength: 100, errorsCapped: true)
        var budget = AckBudget(receiveBuffer: 2 * bound, errorsCapped: true)
        let first = budget.admit(requestLength: 100)
        let second = budget.admit(requestLength: 100)
        #expect(first && !second)
        #expect(budget.count == 1 && budget.charged == bound)
    }

    @Test func aRefusedRequestIsNotCounted() {
        var budget = AckBudget(receiveBuffer: 2000, errorsCapped: false)
        let first = budget.admit(requestLength: 100)
        let second = budget.admit(requestLength: 100)
        #expect(first && !second)
        #expect(budget.count == 1)
    }

    @Test func theLimitCapsAHugeBuffer() {
        #expect(AckBudget.requestsPerDatagram(receiveBuffer: 1 << 30, requestLength: 220,
                                              errorsCapped: true, limit: 128) == 128)
    }
}
