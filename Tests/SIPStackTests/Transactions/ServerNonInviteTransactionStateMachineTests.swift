// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import SIPStack

@Suite("Server non-INVITE transaction (RFC 3261 §17.2.2)", .tags(.unit))
struct ServerNonInviteTransactionStateMachineTests {
    let timers = SIPTimers()

    private func trying(reliable: Bool = false) -> ServerNonInviteTransactionStateMachine {
        var machine = ServerNonInviteTransactionStateMachine(isReliableTransport: reliable, timers: timers)
        _ = machine.receivedRequest()
        return machine
    }

    @Test func firstRequestGoesToTheTUAndEntersTrying() {
        var machine = ServerNonInviteTransactionStateMachine(isReliableTransport: false, timers: timers)
        #expect(machine.receivedRequest() == [.passToTU])
        #expect(machine.state == .trying)
    }

    @Test func retransmissionInTryingIsAbsorbed() {
        var machine = trying()
        #expect(machine.receivedRequest() == [])
        #expect(machine.state == .trying)
    }

    @Test func provisionalFromTUIsSentAndEntersProceeding() {
        var machine = trying()
        #expect(machine.tuSentResponse(statusCode: 100) == [.sendResponse])
        #expect(machine.state == .proceeding)
        #expect(machine.tuSentResponse(statusCode: 180) == [.sendResponse])
        #expect(machine.state == .proceeding)
    }

    @Test func retransmissionInProceedingResendsLastProvisional() {
        var machine = trying()
        _ = machine.tuSentResponse(statusCode: 100)
        #expect(machine.receivedRequest() == [.resendLastResponse])
    }

    @Test(arguments: [200, 481])
    func finalFromTUInTryingIsSentAndArmsTimerJ(statusCode: Int) {
        var machine = trying()
        #expect(
            machine.tuSentResponse(statusCode: statusCode) == [
                .sendResponse, .startTimer(.J, after: .seconds(32)),
            ]
        )
        #expect(machine.state == .completed)
    }

    @Test func finalFromTUInProceedingIsSentAndArmsTimerJ() {
        var machine = trying()
        _ = machine.tuSentResponse(statusCode: 100)
        #expect(machine.tuSentResponse(statusCode: 200) == [.sendResponse, .startTimer(.J, after: .seconds(32))])
        #expect(machine.state == .completed)
    }

    @Test func finalOnReliableTransportTerminatesAtOnceBecauseTimerJIsZero() {
        var machine = trying(reliable: true)
        #expect(machine.tuSentResponse(statusCode: 200) == [.sendResponse, .terminate])
        #expect(machine.state == .terminated)
    }

    @Test func retransmissionInCompletedResendsFinal() {
        var machine = trying()
        _ = machine.tuSentResponse(statusCode: 200)
        #expect(machine.receivedRequest() == [.resendLastResponse])
        #expect(machine.state == .completed)
    }

    @Test func furtherResponsesFromTUInCompletedAreDiscarded() {
        var machine = trying()
        _ = machine.tuSentResponse(statusCode: 200)
        #expect(machine.tuSentResponse(statusCode: 500) == [])
        #expect(machine.tuSentResponse(statusCode: 180) == [])
    }

    @Test func timerJInCompletedTerminates() {
        var machine = trying()
        _ = machine.tuSentResponse(statusCode: 200)
        #expect(machine.timerFired(.J) == [.terminate])
        #expect(machine.state == .terminated)
    }

    @Test func timerJOutsideCompletedIsIgnored() {
        var machine = trying()
        #expect(machine.timerFired(.J) == [])
        #expect(machine.state == .trying)
    }

    @Test func transportErrorInProceedingTellsTUAndTerminates() {
        var machine = trying()
        _ = machine.tuSentResponse(statusCode: 100)
        #expect(machine.transportError() == [.notifyTransportError, .terminate])
        #expect(machine.state == .terminated)
    }

    @Test func transportErrorInCompletedTellsTUAndTerminates() {
        var machine = trying()
        _ = machine.tuSentResponse(statusCode: 200)
        #expect(machine.transportError() == [.notifyTransportError, .terminate])
    }

    @Test func invalidStatusCodesAndEventsAfterTerminationAreIgnored() {
        var machine = trying()
        #expect(machine.tuSentResponse(statusCode: 42) == [])
        #expect(machine.state == .trying)
        _ = machine.transportError()
        #expect(machine.receivedRequest() == [])
        #expect(machine.tuSentResponse(statusCode: 200) == [])
        #expect(machine.state == .terminated)
    }
}
