// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

/// Calls between two sipp phones through a real server: the B2BUA's behaviour as the phones see
/// it. Each test pairs a caller scenario with the callee scenarios it needs (Tests/InteropTests/sipp).
@Suite("Calls", .serialized, .tags(.interop))
struct CallTests {
    @Test func basicCallIsAnsweredAndEndedByTheCaller() throws {
        let bed = try CallTestBed()
        defer { bed.stop() }
        let outcome = try bed.run(caller: "caller-hangs-up", callees: ["callee-answers"])
        #expect(outcome.caller.succeeded, "\(outcome.diagnostics)")
        #expect(outcome.calleesSucceeded, "\(outcome.diagnostics)")
        let record = try #require(CallRecords.waitForOne(in: bed.server.dataDirectory), "\(outcome.diagnostics)")
        #expect(record.caller == CallTestBed.caller)
        #expect(record.callee == CallTestBed.callee)
        #expect(record.finalStatus == 200)
        #expect(record.hangupSide == "caller")
        #expect(record.answered)
    }

    @Test func calleeHangsUp() throws {
        let bed = try CallTestBed()
        defer { bed.stop() }
        let outcome = try bed.run(caller: "caller-waits-for-callee-bye", callees: ["callee-hangs-up"])
        #expect(outcome.caller.succeeded, "\(outcome.diagnostics)")
        #expect(outcome.calleesSucceeded, "\(outcome.diagnostics)")
        let record = try #require(CallRecords.waitForOne(in: bed.server.dataDirectory), "\(outcome.diagnostics)")
        #expect(record.hangupSide == "callee")
    }

    @Test func callerHangsUpAfterTheCalleeRangForAWhile() throws {
        let bed = try CallTestBed()
        defer { bed.stop() }
        let outcome = try bed.run(caller: "caller-hangs-up", callees: ["callee-answers-after-delay"])
        #expect(outcome.caller.succeeded, "\(outcome.diagnostics)")
        #expect(outcome.calleesSucceeded, "\(outcome.diagnostics)")
        // The caller heard the ringing that came before the answer.
        #expect(outcome.caller.trace.contains { !$0.sent && $0.statusCode == 180 }, "\(outcome.diagnostics)")
        let calleeBye = outcome.callees.first?.trace.first { !$0.sent && $0.method == "BYE" }
        #expect(calleeBye != nil, "\(outcome.diagnostics)")
    }

    @Test func busyCalleeGivesTheCaller486() throws {
        let bed = try CallTestBed()
        defer { bed.stop() }
        let outcome = try bed.run(caller: "caller-expects-busy", callees: ["callee-is-busy"])
        #expect(outcome.caller.succeeded, "\(outcome.diagnostics)")
        #expect(outcome.calleesSucceeded, "\(outcome.diagnostics)")
        let record = try #require(CallRecords.waitForOne(in: bed.server.dataDirectory), "\(outcome.diagnostics)")
        #expect(record.finalStatus == 486)
        #expect(!record.answered)
    }

    @Test func cancelWhileRingingReachesTheCallee() throws {
        let bed = try CallTestBed()
        defer { bed.stop() }
        let outcome = try bed.run(caller: "caller-cancels-while-ringing", callees: ["callee-does-not-answer"])
        #expect(outcome.caller.succeeded, "\(outcome.diagnostics)")
        #expect(outcome.calleesSucceeded, "\(outcome.diagnostics)")
        let record = try #require(CallRecords.waitForOne(in: bed.server.dataDirectory), "\(outcome.diagnostics)")
        #expect(record.finalStatus == 487)
    }

    @Test func unregisteredCalleeGives480() throws {
        let bed = try CallTestBed()
        defer { bed.stop() }
        let outcome = try bed.run(caller: "caller-expects-unavailable")
        #expect(outcome.caller.succeeded, "\(outcome.diagnostics)")
    }

    @Test func unknownNumberGives404() throws {
        let bed = try CallTestBed()
        defer { bed.stop() }
        let outcome = try bed.run(caller: "caller-expects-not-found", dialling: "1999")
        #expect(outcome.caller.succeeded, "\(outcome.diagnostics)")
    }

    @Test func holdAndResumeReInvitesAreAnsweredWithTheRelaysSDP() throws {
        let bed = try CallTestBed()
        defer { bed.stop() }
        let outcome = try bed.run(caller: "caller-holds-and-resumes", callees: ["callee-answers"])
        #expect(outcome.caller.succeeded, "\(outcome.diagnostics)")
        // The callee's dialog stays up through hold and resume and ends with the caller's BYE.
        #expect(outcome.calleesSucceeded, "\(outcome.diagnostics)")
    }

    @Test func twoContactsRingAndTheOneThatDoesNotAnswerIsCancelled() throws {
        let bed = try CallTestBed()
        defer { bed.stop() }
        let outcome = try bed.run(
            caller: "caller-hangs-up", callees: ["callee-answers-after-delay", "callee-does-not-answer"])
        #expect(outcome.caller.succeeded, "\(outcome.diagnostics)")
        #expect(outcome.callees.count == 2)
        #expect(outcome.calleesSucceeded, "\(outcome.diagnostics)")
        let cancelled = outcome.callees.last?.trace.contains { !$0.sent && $0.method == "CANCEL" } ?? false
        #expect(cancelled, "\(outcome.diagnostics)")
    }

    @Test func calleeLegHasItsOwnCallIDAndBothLegsSeeTheRelay() throws {
        let bed = try CallTestBed(mediaAddress: "127.0.0.2")
        defer { bed.stop() }
        let outcome = try bed.run(caller: "caller-hangs-up", callees: ["callee-answers"])
        #expect(outcome.caller.succeeded, "\(outcome.diagnostics)")
        let callerInvite = try #require(outcome.caller.trace.last { $0.sent && $0.method == "INVITE" })
        let callerAnswer = try #require(outcome.caller.trace.first { !$0.sent && $0.statusCode == 200 })
        let calleeInvite = try #require(outcome.callees.first?.trace.first { !$0.sent && $0.method == "INVITE" })
        let calleeAnswer = try #require(outcome.callees.first?.trace.first { $0.sent && $0.statusCode == 200 })

        // Two dialogs: the callee's INVITE is a new request with a Call-ID of the server's own.
        let callerCallID = try #require(callerInvite.header("Call-ID"))
        let calleeCallID = try #require(calleeInvite.header("Call-ID"))
        #expect(callerCallID != calleeCallID)
        #expect(calleeInvite.header("Authorization") == nil)

        // Each side sees the relay (address and ports of the server), never the other phone.
        #expect(calleeInvite.sdpConnectionAddress == "127.0.0.2", "\(calleeInvite.bodyLines)")
        #expect(callerAnswer.sdpConnectionAddress == "127.0.0.2", "\(callerAnswer.bodyLines)")
        let calleeSidePort = try #require(calleeInvite.sdpAudioPort)
        let callerSidePort = try #require(callerAnswer.sdpAudioPort)
        #expect(calleeSidePort != callerInvite.sdpAudioPort)
        #expect(callerSidePort != calleeAnswer.sdpAudioPort)
        #expect(calleeSidePort != callerSidePort)
        #expect(CallTestBed.relayPorts.contains(calleeSidePort))
        #expect(CallTestBed.relayPorts.contains(callerSidePort))
    }
}
