// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import SIPStack

@Suite("Client non-INVITE transaction (RFC 3261 §17.1.2)", .tags(.unit))
struct ClientNonInviteTransactionStateMachineTests {
    let timers = SIPTimers()

    private func trying(reliable: Bool = false) -> ClientNonInviteTransactionStateMachine {
        var machine = ClientNonInviteTransactionStateMachine(isReliableTransport: reliable, timers: timers)
        _ = machine.sendRequest()
        return machine
    }

    @Test func sendingOnUnreliableTransportArmsTimersEAndF() {
        var machine = ClientNonInviteTransactionStateMachine(isReliableTransport: false, timers: timers)
        #expect(
            machine.sendRequest() == [
                .sendRequest, .startTimer(.E, after: .milliseconds(500)), .startTimer(.F, after: .seconds(32)),
            ]
        )
        #expect(machine.state == .trying)
    }

    @Test func sendingOnReliableTransportArmsOnlyTimerF() {
        var machine = ClientNonInviteTransactionStateMachine(isReliableTransport: true, timers: timers)
        #expect(machine.sendRequest() == [.sendRequest, .startTimer(.F, after: .seconds(32))])
    }

    @Test func timerEInTryingDoublesUpToT2() {
        var machine = trying()
        let actions = (0..<5).map { _ in machine.timerFired(.E) }
        let intervals: [Duration] = [.seconds(1), .seconds(2), .seconds(4), .seconds(4), .seconds(4)]
        let expected: [[ClientNonInviteTransactionStateMachine.Action]] = intervals.map {
            [.sendRequest, .startTimer(.E, after: $0)]
        }
        #expect(actions == expected)
        #expect(machine.state == .trying)
    }

    @Test func timerEInProceedingRetransmitsEveryT2() {
        var machine = trying()
        #expect(machine.receivedResponse(statusCode: 100) == [.passToTU])
        #expect(machine.state == .proceeding)
        #expect(machine.timerFired(.E) == [.sendRequest, .startTimer(.E, after: .seconds(4))])
        #expect(machine.timerFired(.E) == [.sendRequest, .startTimer(.E, after: .seconds(4))])
    }

    @Test func timerEUsesConfiguredT2() {
        var machine = ClientNonInviteTransactionStateMachine(
            isReliableTransport: false,
            timers: SIPTimers(t1: .milliseconds(500), t2: .seconds(1))
        )
        _ = machine.sendRequest()
        #expect(machine.timerFired(.E) == [.sendRequest, .startTimer(.E, after: .seconds(1))])
        #expect(machine.timerFired(.E) == [.sendRequest, .startTimer(.E, after: .seconds(1))])
    }

    @Test func furtherProvisionalsInProceedingGoToTheTU() {
        var machine = trying()
        _ = machine.receivedResponse(statusCode: 100)
        #expect(machine.receivedResponse(statusCode: 180) == [.passToTU])
        #expect(machine.state == .proceeding)
    }

    @Test(arguments: [200, 404])
    func finalInTryingGoesToCompletedAndArmsTimerK(statusCode: Int) {
        var machine = trying()
        #expect(
            machine.receivedResponse(statusCode: statusCode) == [
                .cancelTimer(.E), .cancelTimer(.F), .passToTU, .startTimer(.K, after: .seconds(5)),
            ]
        )
        #expect(machine.state == .completed)
    }

    @Test func finalInProceedingGoesToCompleted() {
        var machine = trying()
        _ = machine.receivedResponse(statusCode: 100)
        #expect(
            machine.receivedResponse(statusCode: 200) == [
                .cancelTimer(.E), .cancelTimer(.F), .passToTU, .startTimer(.K, after: .seconds(5)),
            ]
        )
        #expect(machine.state == .completed)
    }

    @Test func timerKUsesConfiguredT4() {
        var machine = ClientNonInviteTransactionStateMachine(
            isReliableTransport: false,
            timers: SIPTimers(t4: .seconds(2))
        )
        _ = machine.sendRequest()
        #expect(machine.receivedResponse(statusCode: 200).last == .startTimer(.K, after: .seconds(2)))
    }

    @Test func finalOnReliableTransportTerminatesAtOnceBecauseTimerKIsZero() {
        var machine = trying(reliable: true)
        #expect(machine.receivedResponse(statusCode: 200) == [.passToTU, .terminate])
        #expect(machine.state == .terminated)
    }

    @Test func retransmittedFinalInCompletedIsAbsorbed() {
        var machine = trying()
        _ = machine.receivedResponse(statusCode: 200)
        #expect(machine.receivedResponse(statusCode: 200) == [])
        #expect(machine.state == .completed)
    }

    @Test func timersEAndFAreIgnoredInCompleted() {
        var machine = trying()
        _ = machine.receivedResponse(statusCode: 200)
        #expect(machine.timerFired(.E) == [])
        #expect(machine.timerFired(.F) == [])
        #expect(machine.state == .completed)
    }

    @Test func timerKInCompletedTerminates() {
        var machine = trying()
        _ = machine.receivedResponse(statusCode: 200)
        #expect(machine.timerFired(.K) == [.terminate])
        #expect(machine.state == .terminated)
    }

    @Test func timerFInTryingTellsTheTUTimeoutAndTerminates() {
        var machine = trying()
        #expect(machine.timerFired(.F) == [.notifyTimeout, .terminate])
        #expect(machine.state == .terminated)
    }

    @Test func timerFInProceedingTellsTheTUTimeoutAndTerminates() {
        var machine = trying()
        _ = machine.receivedResponse(statusCode: 100)
        #expect(machine.timerFired(.F) == [.notifyTimeout, .terminate])
    }

    @Test func transportErrorInTryingTellsTUAndTerminates() {
        var machine = trying()
        #expect(machine.transportError() == [.notifyTransportError, .terminate])
        #expect(machine.state == .terminated)
    }

    @Test func transportErrorInProceedingTellsTUAndTerminates() {
        var machine = trying()
        _ = machine.receivedResponse(statusCode: 100)
        #expect(machine.transportError() == [.notifyTransportError, .terminate])
    }

    @Test func transportErrorInCompletedIsIgnoredBecauseNothingIsSent() {
        var machine = trying()
        _ = machine.receivedResponse(statusCode: 200)
        #expect(machine.transportError() == [])
        #expect(machine.state == .completed)
    }

    @Test func eventsAfterTerminationAreIgnored() {
        var machine = trying()
        _ = machine.timerFired(.F)
        #expect(machine.receivedResponse(statusCode: 200) == [])
        #expect(machine.timerFired(.K) == [])
        #expect(machine.sendRequest() == [])
    }
}
