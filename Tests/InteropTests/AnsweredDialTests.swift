// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

/// A `dial` after Switchboard answered the caller itself: the callee is offered the codec
/// agreed with the caller and, when it answers, is joined to the caller's relay leg without a
/// re-INVITE; a callee that is busy leads to the dial's fallback, and without one to a BYE.
@Suite("Dial after answer", .serialized, .tags(.interop))
struct AnsweredDialTests {
    static let dialplan = """
        contexts:
          internal:
            - name: answered, then ring the colleague
              match: '2007'
              steps:
                - answer
                - dial: 1002
            - name: answered, then an apology when busy
              match: '2008'
              steps:
                - answer
                - dial:
                    extension: '1002'
                    on_busy:
                      - play: \(MediaStepsTests.prompt)
                      - hangup

        """

    @Test func calleeIsJoinedToTheAnsweredCallerWithoutReINVITE() throws {
        let caller = try RTPCollector(port: MediaStepsTests.callerMediaPort)
        let callee = try RTPCollector(port: MediaStepsTests.calleeMediaPort)
        defer {
            caller.stop()
            callee.stop()
        }
        let bed = try CallTestBed.with(dialplan: Self.dialplan)
        defer { bed.stop() }
        let phone = try bed.startCallee("callee-answers")
        let call = try bed.startCall("2007", with: "caller-hangs-up", holdMilliseconds: 2500)
        let relayPort = try #require(bed.answeredCalleeRelayPort(), "\(bed.server.log)")
        let talk = PromptExpectation.talk(from: callee, toRelayPort: relayPort)
        let result = call.finish()
        let answered = phone.finish(within: CallTestBed.graceAfterCall)
        let diagnostics = [result.output, answered.output, bed.server.log].joined(separator: "\n")
        #expect(result.succeeded && answered.succeeded, "\(diagnostics)")

        let invite = try #require(answered.trace.first { !$0.sent && $0.method == "INVITE" }, "\(diagnostics)")
        let media = try #require(invite.bodyLines.first { $0.hasPrefix("m=audio ") }, "\(invite)")
        #expect(media.hasSuffix(" RTP/AVP 0 101"), "only the codec agreed with the caller: \(media)")
        let received = result.trace.filter { !$0.sent }
        #expect(received.filter { $0.statusCode == 200 && $0.header("CSeq")?.hasSuffix("INVITE") == true }.count >= 1)
        #expect(!received.contains { $0.method == "INVITE" }, "no re-INVITE toward the caller\n\(diagnostics)")
        #expect(caller.received.filter { $0.payload == talk }.count >= 45, "the callee is heard through the caller's relay leg")

        let record = try #require(CallRecords.waitForOne(in: bed.server.dataDirectory))
        #expect(record.finalStatus == 200)
        #expect(record.hangupSide == "caller")
    }

    @Test func busyAfterAnswerRunsOnBusyThenBYE() throws {
        let caller = try RTPCollector(port: MediaStepsTests.callerMediaPort)
        defer { caller.stop() }
        let bed = try CallTestBed.with(dialplan: Self.dialplan)
        defer { bed.stop() }
        let outcome = try bed.run(caller: "caller-waits-for-callee-bye", dialling: "2008", callees: ["callee-is-busy"])
        #expect(outcome.caller.succeeded, "the caller got BYE, not a final response\n\(outcome.diagnostics)")
        #expect(outcome.calleesSucceeded, "\(outcome.diagnostics)")
        Thread.sleep(forTimeInterval: 0.3)
        try PromptExpectation.expectWholePrompt(MediaStepsTests.prompt, in: caller.received, comment: outcome.diagnostics)
    }

    @Test func busyAfterAnswerWithoutFallbackIsBYE() throws {
        let plan = """
            contexts:
              internal:
                - match: '2009'
                  steps:
                    - answer
                    - dial: 1002

            """
        let bed = try CallTestBed.with(dialplan: plan)
        defer { bed.stop() }
        let outcome = try bed.run(caller: "caller-waits-for-callee-bye", dialling: "2009", callees: ["callee-is-busy"])
        #expect(outcome.caller.succeeded, "\(outcome.diagnostics)")
        let record = try #require(CallRecords.waitForOne(in: bed.server.dataDirectory))
        #expect(record.finalStatus == 200)
        #expect(record.answered)
    }
}
