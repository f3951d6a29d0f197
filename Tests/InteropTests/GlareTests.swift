// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

/// Re-INVITE glare through the B2BUA (RFC 3261 §14, RFC 3311 §5.2): a request that would start
/// an offer/answer exchange while another is in progress on the same leg gets 491, a 491 from a
/// phone goes back to the phone that asked, and the call stays up for the next re-INVITE.
@Suite("Glare", .serialized, .tags(.interop))
struct GlareTests {
    @Test func reInviteAndUpdateWhileTheServersReInviteIsPendingGet491AndTheCallCarriesOn() throws {
        let bed = try CallTestBed()
        defer { bed.stop() }
        let outcome = try bed.run(
            caller: "caller-reinvites-and-answers-callee-reinvite", callees: ["callee-reinvites-while-one-is-pending"])
        #expect(outcome.caller.succeeded, "\(outcome.diagnostics)")
        #expect(outcome.calleesSucceeded, "\(outcome.diagnostics)")
        let calleeTrace = try #require(outcome.callees.first?.trace)
        let refused = calleeTrace.filter { !$0.sent && $0.statusCode == 491 }.compactMap { $0.header("CSeq") }
        #expect(refused == ["101 INVITE", "102 UPDATE"], "\(outcome.diagnostics)")
        // The refused requests never reached the caller; only the later re-INVITE did.
        let callerInvites = outcome.caller.trace.filter { !$0.sent && $0.method == "INVITE" }
        #expect(callerInvites.count == 1, "\(outcome.diagnostics)")
        #expect(!outcome.caller.trace.contains { $0.method == "UPDATE" })
        let record = try #require(CallRecords.waitForOne(in: bed.server.dataDirectory), "\(outcome.diagnostics)")
        #expect(record.finalStatus == 200)
        #expect(record.hangupSide == "caller")
    }

    @Test func a491FromThePhoneGoesBackToTheCallerWhoseRetrySucceeds() throws {
        let bed = try CallTestBed()
        defer { bed.stop() }
        let outcome = try bed.run(caller: "caller-retries-reinvite-after-491", callees: ["callee-refuses-first-reinvite-with-491"])
        #expect(outcome.caller.succeeded, "\(outcome.diagnostics)")
        #expect(outcome.calleesSucceeded, "\(outcome.diagnostics)")
        let answers = outcome.caller.trace.filter { !$0.sent && $0.header("CSeq")?.hasSuffix("INVITE") == true && ($0.statusCode ?? 0) >= 200 }
        #expect(answers.compactMap(\.statusCode).filter { $0 != 401 } == [200, 491, 200], "\(outcome.diagnostics)")
        let record = try #require(CallRecords.waitForOne(in: bed.server.dataDirectory), "\(outcome.diagnostics)")
        #expect(record.finalStatus == 200)
        #expect(record.answered)
        #expect(record.hangupSide == "caller")
    }

    @Test func aSecondReInviteFromTheSamePhoneWhileItsFirstIsPendingGets500WithRetryAfter() throws {
        let bed = try CallTestBed()
        defer { bed.stop() }
        let outcome = try bed.run(caller: "caller-reinvites-again-before-the-answer", callees: ["callee-answers-reinvite-after-a-pause"])
        #expect(outcome.caller.succeeded, "\(outcome.diagnostics)")
        #expect(outcome.calleesSucceeded, "\(outcome.diagnostics)")
        let refusal = try #require(outcome.caller.trace.first { !$0.sent && $0.statusCode == 500 }, "\(outcome.diagnostics)")
        #expect(refusal.header("CSeq") == "4 INVITE")
        let retryAfter = try #require(refusal.header("Retry-After").flatMap { Int($0) }, "\(refusal.headerLines)")
        #expect((0...10).contains(retryAfter))
        // Only the first re-INVITE reached the callee (retransmissions aside).
        let calleeInvites = outcome.callees.first?.trace.filter { !$0.sent && $0.method == "INVITE" } ?? []
        #expect(Set(calleeInvites.compactMap { $0.header("CSeq") }).count == 2, "\(outcome.diagnostics)")
    }

    @Test func aReInviteBeforeTheLateOfferIsAnsweredGets491() throws {
        let bed = try CallTestBed()
        defer { bed.stop() }
        let outcome = try bed.run(caller: "caller-late-offer-acks-after-a-pause", callees: ["callee-reinvites-before-its-ack"])
        #expect(outcome.caller.succeeded, "\(outcome.diagnostics)")
        #expect(outcome.calleesSucceeded, "\(outcome.diagnostics)")
        let refusal = outcome.callees.first?.trace.first { !$0.sent && $0.statusCode == 491 }
        #expect(refusal?.header("CSeq") == "101 INVITE", "\(outcome.diagnostics)")
        #expect(!outcome.caller.trace.contains { !$0.sent && $0.method == "INVITE" }, "nothing relayed to the caller")
        let record = try #require(CallRecords.waitForOne(in: bed.server.dataDirectory), "\(outcome.diagnostics)")
        #expect(record.finalStatus == 200)
        #expect(record.hangupSide == "caller")
    }
}
