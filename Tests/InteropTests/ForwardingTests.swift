// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

/// Per-extension forwarding through a real server: the caller hears 181, the new target rings
/// with Diversion (RFC 5806) and History-Info (RFC 7044) naming the number that was dialled.
@Suite("Forwarding", .serialized, .tags(.interop))
struct ForwardingTests {
    @Test func forwardAlwaysGives181AndTheTargetLearnsTheOriginalCallee() throws {
        let bed = try CallTestBed()
        defer { bed.stop() }
        let data = bed.server.dataDirectory.path
        let added = try Command.run(SwitchboardBinary.url.path, ["ext", "add", "1003", "--password", CallTestBed.password, "--data", data])
        #expect(added.status == 0, "\(added.output)")
        let forward = try Command.run(SwitchboardBinary.url.path, ["ext", "forward", "1002", "--always", "1003", "--data", data])
        #expect(forward.status == 0, "\(forward.output)")

        try bed.startCallee("callee-answers", as: "1003")
        let outcome = try bed.run(caller: "caller-is-forwarded", dialling: "1002")
        #expect(outcome.caller.succeeded, "\(outcome.diagnostics)")
        #expect(outcome.calleesSucceeded, "\(outcome.diagnostics)")
        let invite = try #require(outcome.callees.first?.trace.first { !$0.sent && $0.method == "INVITE" }, "\(outcome.diagnostics)")
        let diversion = try #require(invite.header("Diversion"), "\(invite)")
        #expect(diversion.contains("<sip:1002@") && diversion.contains("reason=unconditional"), "\(diversion)")
        let history = try #require(invite.header("History-Info"), "\(invite)")
        #expect(history.contains("<sip:1002@") && history.contains("index=1"), "\(history)")
    }
}
