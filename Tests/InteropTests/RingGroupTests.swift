// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

/// Dials beyond one extension: a sequential ring group rings its members one after another, a
/// SIP URI that is no extension gets the INVITE at its own address, and a number an extension
/// forwards to is routed again through the dialplan.
@Suite("Ring groups and dial targets", .serialized, .tags(.interop))
struct RingGroupTests {
    /// Seconds each member of the sequential group rings.
    static let memberTimeout = 2

    static let dialplan = """
        contexts:
          internal:
            - name: reception, then the back office
              match: '2004'
              steps:
                - dial:
                    group: [1002, 1003]
                    strategy: sequential
                    member_timeout: \(memberTimeout)
                    timeout: 10
            - name: the mobile 1002 forwards to reaches 1003
              match: '5555'
              steps:
                - dial: 1003
            - name: colleagues
              match: extensions
              steps:
                - dial: ${EXTEN}

        """

    @Test func sequentialGroupRingsTheSecondMemberOnlyAfterTheFirstRangOut() throws {
        let bed = try CallTestBed.with(dialplan: Self.dialplan)
        defer { bed.stop() }
        try bed.addExtension("1003")
        try bed.startCallee("callee-does-not-answer", as: "1002")
        try bed.startCallee("callee-answers", as: "1003")
        let outcome = try bed.run(caller: "caller-hangs-up", dialling: "2004")
        #expect(outcome.caller.succeeded, "\(outcome.diagnostics)")
        #expect(outcome.calleesSucceeded, "the first member was cancelled, the second answered\n\(outcome.diagnostics)")
        let first = outcome.callees[0].trace
        let second = outcome.callees[1].trace
        let firstInvite = try #require(first.first { !$0.sent && $0.method == "INVITE" }?.time, "\(outcome.diagnostics)")
        let cancel = try #require(first.first { !$0.sent && $0.method == "CANCEL" }?.time, "\(outcome.diagnostics)")
        let secondInvite = try #require(second.first { !$0.sent && $0.method == "INVITE" }?.time, "\(outcome.diagnostics)")
        let rang = secondInvite.timeIntervalSince(firstInvite)
        #expect(rang >= Double(Self.memberTimeout) - 0.1 && rang < Double(Self.memberTimeout) + 1.5, "second INVITE \(rang) s after the first")
        #expect(cancel <= secondInvite.addingTimeInterval(0.1), "the first member is cancelled as the second is rung")
    }

    @Test func aSIPURIThatIsNoExtensionGetsTheINVITEAtItsAddress() throws {
        let port = FreePort.udpAndTCP()
        let plan = """
            contexts:
              internal:
                - match: '2006'
                  steps:
                    - dial: sip:bob@127.0.0.1:\(port)

            """
        let bed = try CallTestBed.with(dialplan: plan)
        defer { bed.stop() }
        let phone = try SIPp.start(scenario: SIPp.scenario("callee-answers"), target: nil, localPort: port, arguments: ["-s", "bob"], timeout: 30)
        defer { phone.stop() }
        #expect(FreePort.waitUntilBound(udpPort: port))
        let caller = try bed.call("2006", with: "caller-hangs-up")
        let callee = phone.finish(within: CallTestBed.graceAfterCall)
        let diagnostics = [caller.output, callee.output, bed.server.log].joined(separator: "\n")
        #expect(caller.succeeded && callee.succeeded, "\(diagnostics)")
        let invite = try #require(callee.trace.first { !$0.sent && $0.method == "INVITE" }, "\(diagnostics)")
        #expect(invite.startLine == "INVITE sip:bob@127.0.0.1:\(port) SIP/2.0", "\(invite.startLine)")
    }

    @Test func aNumberAnExtensionForwardsToIsRoutedAgain() throws {
        let bed = try CallTestBed.with(dialplan: Self.dialplan)
        defer { bed.stop() }
        try bed.addExtension("1003")
        let forward = try Command.run(
            SwitchboardBinary.url.path, ["ext", "forward", "1002", "--always", "5555", "--data", bed.server.dataDirectory.path])
        #expect(forward.status == 0, "\(forward.output)")
        try bed.startCallee("callee-answers", as: "1003")
        let outcome = try bed.run(caller: "caller-is-forwarded", dialling: "1002")
        #expect(outcome.caller.succeeded, "\(outcome.diagnostics)")
        #expect(outcome.calleesSucceeded, "\(outcome.diagnostics)")
        let invite = try #require(outcome.callees.first?.trace.first { !$0.sent && $0.method == "INVITE" }, "\(outcome.diagnostics)")
        #expect(invite.header("Diversion")?.contains("<sip:1002@") == true, "\(invite)")
    }
}
