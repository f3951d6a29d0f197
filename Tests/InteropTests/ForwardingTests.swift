// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

/// Per-extension forwarding through a real server: the caller hears 181, the new target rings
/// with Diversion (RFC 5806) and History-Info (RFC 7044) naming the number that was dialled.
@Suite("Forwarding", .serialized, .tags(.interop))
struct ForwardingTests {
    @Test func forwardAlwaysGives181AndTheTargetLearnsTheOriginalCallee() throws {
        try expectForwarding(["--always", "1003"], reason: "unconditional", firstPhone: nil)
    }

    @Test func forwardOnBusyGives181AndTheTargetLearnsTheOriginalCallee() throws {
        try expectForwarding(["--busy", "1003"], reason: "user-busy", firstPhone: "callee-is-busy")
    }

    @Test func forwardOnNoAnswerGives181AfterTheRingTimeAndTheTargetLearnsTheOriginalCallee() throws {
        try expectForwarding(["--no-answer", "1003", "--after", "2"], reason: "no-answer", firstPhone: "callee-does-not-answer")
    }

    /// 1002 forwards to 1003 with `setting`; `firstPhone` is 1002's phone (nil: not registered,
    /// as forwarding always never rings it). The caller must get 181 and reach 1003, whose
    /// INVITE names 1002 in Diversion (with `reason`) and History-Info.
    private func expectForwarding(_ setting: [String], reason: String, firstPhone: String?) throws {
        let bed = try CallTestBed()
        defer { bed.stop() }
        let data = bed.server.dataDirectory.path
        let added = try Command.run(SwitchboardBinary.url.path, ["ext", "add", "1003", "--password", CallTestBed.password, "--data", data])
        #expect(added.status == 0, "\(added.output)")
        let forward = try Command.run(SwitchboardBinary.url.path, ["ext", "forward", "1002"] + setting + ["--data", data])
        #expect(forward.status == 0, "\(forward.output)")

        if let firstPhone { try bed.startCallee(firstPhone, as: "1002") }
        try bed.startCallee("callee-answers", as: "1003")
        let outcome = try bed.run(caller: "caller-is-forwarded", dialling: "1002")
        #expect(outcome.caller.succeeded, "\(outcome.diagnostics)")
        #expect(outcome.calleesSucceeded, "\(outcome.diagnostics)")
        let target = try #require(outcome.callees.last, "\(outcome.diagnostics)")
        let invite = try #require(target.trace.first { !$0.sent && $0.method == "INVITE" }, "\(outcome.diagnostics)")
        let diversion = try #require(invite.header("Diversion"), "\(invite)")
        #expect(diversion.contains("<sip:1002@") && diversion.contains("reason=\(reason)"), "\(diversion)")
        let history = try #require(invite.header("History-Info"), "\(invite)")
        #expect(history.contains("<sip:1002@") && history.contains("index=1"), "\(history)")
    }
}
