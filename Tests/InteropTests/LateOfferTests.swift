// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

/// Late offer (RFC 3261 §13.2.1) between two phones: a caller INVITE without SDP reaches the
/// callee without SDP, the callee's 200 carries the offer and the caller's ACK the answer, each
/// rewritten to point at the relay; RTP then flows both ways. The same holds for a re-INVITE
/// without SDP during the call (RFC 3261 §14.1).
@Suite("Late offer", .serialized, .tags(.interop))
struct LateOfferTests {
    @Test func lateOfferCallCarriesAudioBothWaysThroughTheRelay() throws {
        let caller = try RTPCollector(port: MediaStepsTests.callerMediaPort)
        let callee = try RTPCollector(port: MediaStepsTests.calleeMediaPort)
        defer {
            caller.stop()
            callee.stop()
        }
        let bed = try CallTestBed()
        defer { bed.stop() }
        let phone = try bed.startCallee("callee-answers-late-offer")
        let call = try bed.startCall(with: "caller-late-offer-hangs-up", holdMilliseconds: 4000)
        let calleeRelayPort = try #require(bed.answeredRelayPort(of: "callee"), "\(bed.server.log)")
        let callerRelayPort = try #require(bed.answeredRelayPort(of: "caller"), "\(bed.server.log)")
        // The caller's ACK, with its answer, follows the 200 at once; give it a moment.
        usleep(200_000)
        let calleeTalk = PromptExpectation.talk(from: callee, toRelayPort: calleeRelayPort)
        let callerTalk = PromptExpectation.talk(from: caller, toRelayPort: callerRelayPort)
        let result = call.finish()
        let answered = phone.finish(within: CallTestBed.graceAfterCall)
        let diagnostics = [result.output, answered.output, bed.server.log].joined(separator: "\n")
        #expect(result.succeeded && answered.succeeded, "\(diagnostics)")

        // Neither INVITE has SDP; the callee's offer reached the caller in the 200 and the
        // caller's answer the callee in the ACK, both at the relay's ports.
        let invite = try #require(answered.trace.first { !$0.sent && $0.method == "INVITE" }, "\(diagnostics)")
        #expect(invite.bodyLines.isEmpty, "\(invite.bodyLines)")
        let ok = try #require(result.trace.first { !$0.sent && $0.statusCode == 200 }, "\(diagnostics)")
        #expect(ok.sdpAudioPort == callerRelayPort, "\(ok.bodyLines)")
        let ack = try #require(answered.trace.first { !$0.sent && $0.method == "ACK" }, "\(diagnostics)")
        #expect(ack.sdpAudioPort == calleeRelayPort, "\(ack.bodyLines)")

        #expect(caller.received.filter { $0.payload == calleeTalk }.count >= 45, "the callee is heard by the caller")
        #expect(callee.received.filter { $0.payload == callerTalk }.count >= 45, "the caller is heard by the callee")
        let record = try #require(CallRecords.waitForOne(in: bed.server.dataDirectory), "\(diagnostics)")
        #expect(record.finalStatus == 200)
        #expect(record.answered)
        #expect(record.hangupSide == "caller")
    }

    @Test func reInviteWithoutSDPGetsTheOfferInThe200AndTheAnswerReachesTheOtherPhoneInTheACK() throws {
        let bed = try CallTestBed()
        defer { bed.stop() }
        let outcome = try bed.run(caller: "caller-reinvites-without-sdp", callees: ["callee-answers"])
        #expect(outcome.caller.succeeded, "\(outcome.diagnostics)")
        #expect(outcome.calleesSucceeded, "\(outcome.diagnostics)")
        let calleeTrace = try #require(outcome.callees.first?.trace)
        let reInvite = try #require(calleeTrace.filter { !$0.sent && $0.method == "INVITE" }.dropFirst().first, "\(outcome.diagnostics)")
        #expect(reInvite.bodyLines.isEmpty, "the re-INVITE is relayed without SDP: \(reInvite.bodyLines)")
        let acks = calleeTrace.filter { !$0.sent && $0.method == "ACK" }
        let answer = try #require(acks.dropFirst().first, "\(outcome.diagnostics)")
        let relayPort = try #require(answer.sdpAudioPort, "the ACK carries the caller's answer\n\(outcome.diagnostics)")
        #expect(CallTestBed.relayPorts.contains(relayPort), "\(answer.bodyLines)")
        let record = try #require(CallRecords.waitForOne(in: bed.server.dataDirectory), "\(outcome.diagnostics)")
        #expect(record.finalStatus == 200)
        #expect(record.hangupSide == "caller")
    }

    @Test func callerACKWithoutAnAnswerEndsTheCallWithBYEToBothPhones() throws {
        let bed = try CallTestBed()
        defer { bed.stop() }
        let outcome = try bed.run(caller: "caller-late-offer-acks-without-answer", callees: ["callee-offers-and-waits-for-bye"])
        #expect(outcome.caller.succeeded, "\(outcome.diagnostics)")
        #expect(outcome.calleesSucceeded, "\(outcome.diagnostics)")
        let calleeTrace = try #require(outcome.callees.first?.trace)
        // The callee's 2xx is acknowledged all the same (RFC 3261 §13.2.2.4), then hung up.
        let received = calleeTrace.filter { !$0.sent }.compactMap(\.method)
        #expect(received == ["INVITE", "ACK", "BYE"], "\(outcome.diagnostics)")
        let record = try #require(CallRecords.waitForOne(in: bed.server.dataDirectory), "\(outcome.diagnostics)")
        #expect(record.finalStatus == 200)
        #expect(record.hangupSide == nil, "hung up by the server, not by a phone")
    }

    @Test func calleeAnsweringALateOfferWithoutSDPIsHungUpAndTheCallerGets502() throws {
        let bed = try CallTestBed()
        defer { bed.stop() }
        let outcome = try bed.run(caller: "caller-late-offer-expects-bad-gateway", callees: ["callee-answers-without-sdp"])
        #expect(outcome.caller.succeeded, "\(outcome.diagnostics)")
        #expect(outcome.calleesSucceeded, "\(outcome.diagnostics)")
        let record = try #require(CallRecords.waitForOne(in: bed.server.dataDirectory), "\(outcome.diagnostics)")
        #expect(record.finalStatus == 502)
        #expect(!record.answered)
    }
}
