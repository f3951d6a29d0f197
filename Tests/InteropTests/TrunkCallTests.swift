// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

/// Calls to and from SIP providers, with sipp playing each provider on its own loopback port.
@Suite("Trunk calls", .serialized, .tags(.interop))
struct TrunkCallTests {
    /// What the extension dials: 9, then the number at the provider.
    static let dialled = "902079460000"

    @Test func outboundCallAnswersTheProvidersChallengeOnceAndConnects() throws {
        let port = FreePort.udpAndTCP()
        let folder = try TrunkProvider.dialplan(outbound: ["provider"], trunks: [("provider", port, "")])
        let bed = try CallTestBed(extraArguments: ["--dialplan", folder.path])
        defer { bed.stop() }
        let provider = try TrunkProvider.start("provider-challenges-then-answers", port: port)
        let caller = try bed.call(Self.dialled, with: "caller-hangs-up")
        let providerSide = provider.finish(within: CallTestBed.graceAfterCall)
        let diagnostics = "caller:\n\(caller.output)\nprovider:\n\(providerSide.output)\nserver:\n\(bed.server.log)"
        #expect(caller.succeeded, "\(diagnostics)")
        #expect(providerSide.succeeded, "\(diagnostics)")

        let invites = providerSide.trace.filter { !$0.sent && $0.method == "INVITE" }
        try #require(invites.count == 2, "\(diagnostics)")
        // The 9 is stripped; the number goes to the trunk host, with the trunk's caller ID.
        #expect(invites[0].startLine == "INVITE sip:02079460000@127.0.0.1:\(port) SIP/2.0")
        #expect(
            invites[0].header("From")?.contains("<sip:+442071234567@127.0.0.1>") == true, "\(invites[0].headerLines)")
        #expect(
            invites[0].header("Contact")?.contains("<sip:\(TrunkProvider.username)@") == true,
            "\(invites[0].headerLines)")
        #expect(invites[0].header("Proxy-Authorization") == nil)
        // RFC 3261 §22.3: the same dialog (Call-ID, From tag) with the next CSeq and credentials.
        #expect(invites[1].header("Call-ID") == invites[0].header("Call-ID"))
        #expect(invites[1].header("From") == invites[0].header("From"))
        #expect(invites[1].header("CSeq") == "2 INVITE")
        let credentials = try #require(invites[1].header("Proxy-Authorization"), "\(invites[1].headerLines)")
        #expect(try TrunkProvider.isValidDigest(credentials), "\(credentials)")

        let record = try #require(CallRecords.waitForOne(in: bed.server.dataDirectory), "\(diagnostics)")
        #expect(record.callee == Self.dialled)
        #expect(record.finalStatus == 200)
        #expect(record.answered)
    }

    @Test(arguments: [(TrunkProvider.password, true), ("not-the-password", false)])
    func aProviderChallengingWith401GetsAuthorizationItCanVerify(providerPassword: String, accepted: Bool) throws {
        let port = FreePort.udpAndTCP()
        let folder = try TrunkProvider.dialplan(outbound: ["provider"], trunks: [("provider", port, "")])
        let bed = try CallTestBed(extraArguments: ["--dialplan", folder.path])
        defer { bed.stop() }
        let provider = try TrunkProvider.start(
            "provider-challenges-with-401", port: port, password: providerPassword, timeout: accepted ? 30 : 8)
        let caller = try bed.call(Self.dialled, with: "caller-hangs-up")
        let providerSide = provider.finish(within: CallTestBed.graceAfterCall)
        let diagnostics = TrunkProvider.diagnostics(
            ["caller": caller.output, "provider": providerSide.output, "server": bed.server.log])
        // sipp's verifyauth computed the digest itself: the call goes through only when it matched.
        #expect(caller.succeeded == accepted, "\(diagnostics)")
        #expect(providerSide.succeeded == accepted, "\(diagnostics)")
        let invites = providerSide.trace.filter { !$0.sent && $0.method == "INVITE" }
        #expect(invites.last?.header("Authorization")?.contains("username=\"\(TrunkProvider.username)\"") == true)
    }

    @Test func aRouteCanPresentItsOwnCallerNumber() throws {
        let port = FreePort.udpAndTCP()
        let folder = try TrunkProvider.dialplan(outbound: ["provider"], trunks: [("provider", port, "")])
        let bed = try CallTestBed(extraArguments: ["--dialplan", folder.path])
        defer { bed.stop() }
        let provider = try TrunkProvider.start("provider-answers", port: port)
        let caller = try bed.call("802079460000", with: "caller-hangs-up")
        let providerSide = provider.finish(within: CallTestBed.graceAfterCall)
        let diagnostics = TrunkProvider.diagnostics(
            ["caller": caller.output, "provider": providerSide.output, "server": bed.server.log])
        #expect(caller.succeeded, "\(diagnostics)")
        let invite = try #require(providerSide.trace.first { !$0.sent && $0.method == "INVITE" }, "\(diagnostics)")
        #expect(invite.startLine == "INVITE sip:02079460000@127.0.0.1:\(port) SIP/2.0")
        #expect(
            invite.header("From")?.contains("<sip:\(TrunkProvider.directNumber)@127.0.0.1>") == true,
            "\(invite.headerLines)")
    }

    @Test func aDeadTrunkFailsOverToTheNextOne() throws {
        let deadPort = FreePort.udpAndTCP()
        let livePort = FreePort.udpAndTCP()
        let folder = try TrunkProvider.dialplan(
            outbound: ["dead", "live"], trunks: [("dead", deadPort, ""), ("live", livePort, "")])
        let bed = try CallTestBed(extraArguments: ["--dialplan", folder.path])
        defer { bed.stop() }
        let live = try TrunkProvider.start("provider-answers", port: livePort)
        let caller = try bed.call(Self.dialled, with: "caller-hangs-up")
        let liveSide = live.finish(within: CallTestBed.graceAfterCall)
        let diagnostics = "caller:\n\(caller.output)\nlive provider:\n\(liveSide.output)\nserver:\n\(bed.server.log)"
        #expect(caller.succeeded, "\(diagnostics)")
        #expect(liveSide.succeeded, "\(diagnostics)")
        #expect(bed.server.log.contains("\(deadPort)"), "the dead trunk was tried first: \(diagnostics)")
    }

    @Test func aTrunkAnswering503FailsOverToTheNextOne() throws {
        let run = try FailoverRun(firstProviderPlays: "provider-is-unavailable")
        defer { run.bed.stop() }
        #expect(run.caller.succeeded, "\(run.diagnostics)")
        #expect(run.first.succeeded, "\(run.diagnostics)")
        #expect(run.live.succeeded, "\(run.diagnostics)")
    }

    @Test func aTrunkRefusingTheCredentialsIsChallengedOnceThenTheNextTrunkTakesTheCall() throws {
        let run = try FailoverRun(firstProviderPlays: "provider-refuses-credentials")
        defer { run.bed.stop() }
        #expect(run.caller.succeeded, "\(run.diagnostics)")
        #expect(run.first.succeeded, "\(run.diagnostics)")
        #expect(run.live.succeeded, "\(run.diagnostics)")
        #expect(run.first.trace.filter { !$0.sent && $0.method == "INVITE" }.count == 2, "\(run.diagnostics)")
        // The refused trunk was left for the next one, not tried again.
        #expect(run.bed.server.log.components(separatedBy: "trunk call failed").count == 2, "\(run.diagnostics)")
    }

    /// One call dialled through trunks `first` then `live`: sipp plays `scenario` as the first
    /// provider and answers as the live one.
    private struct FailoverRun {
        let bed: CallTestBed
        let caller: SIPp.Result
        let first: SIPp.Result
        let live: SIPp.Result
        let diagnostics: String

        init(firstProviderPlays scenario: String) throws {
            let firstPort = FreePort.udpAndTCP()
            let livePort = FreePort.udpAndTCP()
            let folder = try TrunkProvider.dialplan(
                outbound: ["first", "live"], trunks: [("first", firstPort, ""), ("live", livePort, "")])
            bed = try CallTestBed(extraArguments: ["--dialplan", folder.path])
            let firstProvider = try TrunkProvider.start(scenario, port: firstPort)
            let liveProvider = try TrunkProvider.start("provider-answers", port: livePort)
            caller = try bed.call(TrunkCallTests.dialled, with: "caller-hangs-up")
            first = firstProvider.finish(within: CallTestBed.graceAfterCall)
            live = liveProvider.finish(within: CallTestBed.graceAfterCall)
            diagnostics = TrunkProvider.diagnostics(
                ["caller": caller.output, "first": first.output, "live": live.output, "server": bed.server.log])
        }
    }

    @Test func aFullTrunkSendsTheNextCallToTheNextTrunk() throws {
        let limitedPort = FreePort.udpAndTCP()
        let overflowPort = FreePort.udpAndTCP()
        let folder = try TrunkProvider.dialplan(
            outbound: ["limited", "overflow"],
            trunks: [("limited", limitedPort, "    max_calls: 1"), ("overflow", overflowPort, "")])
        let bed = try CallTestBed(extraArguments: ["--dialplan", folder.path])
        defer { bed.stop() }
        let limited = try TrunkProvider.start("provider-answers", port: limitedPort)
        let overflow = try TrunkProvider.start("provider-answers", port: overflowPort)
        // The first call holds the limited trunk's only line while the second is placed.
        let first = try bed.startCall(Self.dialled, with: "caller-hangs-up", holdMilliseconds: 6000)
        #expect(waitForActiveCalls(1, on: "limited", of: bed), "\(bed.server.log)")
        let second = try bed.call(Self.dialled, with: "caller-hangs-up")
        let firstResult = first.finish()
        let limitedSide = limited.finish(within: CallTestBed.graceAfterCall)
        let overflowSide = overflow.finish(within: CallTestBed.graceAfterCall)
        let diagnostics = TrunkProvider.diagnostics([
            "first": firstResult.output, "second": second.output, "limited": limitedSide.output,
            "overflow": overflowSide.output, "server": bed.server.log,
        ])
        #expect(firstResult.succeeded, "\(diagnostics)")
        #expect(second.succeeded, "\(diagnostics)")
        #expect(limitedSide.succeeded, "\(diagnostics)")
        #expect(overflowSide.succeeded, "\(diagnostics)")
        #expect(limitedSide.trace.filter { !$0.sent && $0.method == "INVITE" }.count == 1, "\(diagnostics)")
        // Both calls are over: no line stays taken.
        #expect(waitForActiveCalls(0, on: "limited", of: bed), "\(diagnostics)")
        #expect(activeCalls(on: "overflow", of: bed) == 0)
    }

    @Test func aCallFromAFullTrunkGets503() throws {
        let port = FreePort.udpAndTCP()
        let folder = try TrunkProvider.dialplan(
            outbound: ["provider"], trunks: [("provider", port, "    max_calls: 1")])
        let bed = try CallTestBed(extraArguments: ["--dialplan", folder.path])
        defer { bed.stop() }
        let provider = try TrunkProvider.start("provider-answers", port: port)
        // An outbound call takes the trunk's only line.
        let outbound = try bed.startCall(Self.dialled, with: "caller-hangs-up", holdMilliseconds: 6000)
        #expect(waitForActiveCalls(1, on: "provider", of: bed), "\(bed.server.log)")
        // Over TCP only the address is compared, so the provider's new connection is the trunk's.
        let inbound = try SIPp.run(
            scenario: SIPp.scenario("provider-finds-trunk-full"), target: "127.0.0.1:\(bed.server.port("tcp"))",
            transport: "t1", arguments: ["-s", TrunkProvider.did], timeout: 15)
        let outboundResult = outbound.finish()
        let providerSide = provider.finish(within: CallTestBed.graceAfterCall)
        let diagnostics = TrunkProvider.diagnostics([
            "inbound": inbound.output, "outbound": outboundResult.output, "provider": providerSide.output,
            "server": bed.server.log,
        ])
        #expect(inbound.succeeded, "\(diagnostics)")
        #expect(outboundResult.succeeded, "\(diagnostics)")
        #expect(bed.server.log.contains("trunk full, call refused"), "\(diagnostics)")
    }

    @Test func aCallFromTheTrunkToItsDIDRingsTheExtensionWithoutAChallenge() throws {
        let port = FreePort.udpAndTCP()
        let folder = try TrunkProvider.dialplan(outbound: ["provider"], trunks: [("provider", port, "")])
        let bed = try CallTestBed(extraArguments: ["--dialplan", folder.path])
        defer { bed.stop() }
        let phone = try bed.startCallee("callee-answers")
        let provider = try SIPp.run(
            scenario: SIPp.scenario("provider-calls-did"), target: bed.serverTarget, localPort: port,
            arguments: ["-s", TrunkProvider.did, "-d", "1000"], timeout: 30)
        let phoneSide = phone.finish(within: CallTestBed.graceAfterCall)
        let diagnostics = "provider:\n\(provider.output)\nphone:\n\(phoneSide.output)\nserver:\n\(bed.server.log)"
        #expect(provider.succeeded, "\(diagnostics)")
        #expect(phoneSide.succeeded, "\(diagnostics)")
        #expect(!provider.trace.contains { !$0.sent && $0.statusCode == 401 }, "\(diagnostics)")
        let record = try #require(CallRecords.waitForOne(in: bed.server.dataDirectory), "\(diagnostics)")
        #expect(record.caller == "+15550123")
        #expect(record.callee == TrunkProvider.did)
        #expect(record.answered)
    }

    @Test func theTrunkReachesOnlyItsDIDsNotTheExtensions() throws {
        let port = FreePort.udpAndTCP()
        let folder = try TrunkProvider.dialplan(outbound: ["provider"], trunks: [("provider", port, "")])
        let bed = try CallTestBed(extraArguments: ["--dialplan", folder.path])
        defer { bed.stop() }
        let phone = try bed.startCallee("callee-answers")
        let provider = try SIPp.run(
            scenario: SIPp.scenario("provider-calls-unknown-number"), target: bed.serverTarget, localPort: port,
            arguments: ["-s", CallTestBed.callee], timeout: 15)
        let phoneSide = phone.finish(within: 2)
        let diagnostics = TrunkProvider.diagnostics(
            ["provider": provider.output, "phone": phoneSide.output, "server": bed.server.log])
        #expect(provider.succeeded, "\(diagnostics)")
        #expect(!phoneSide.trace.contains { !$0.sent && $0.method == "INVITE" }, "\(diagnostics)")
    }

    @Test func theSameINVITEFromAnotherPortIsChallengedAndRingsNobody() throws {
        let port = FreePort.udpAndTCP()
        let folder = try TrunkProvider.dialplan(outbound: ["provider"], trunks: [("provider", port, "")])
        let bed = try CallTestBed(extraArguments: ["--dialplan", folder.path])
        defer { bed.stop() }
        let phone = try bed.startCallee("callee-answers")
        let spoofer = try SIPp.run(
            scenario: SIPp.scenario("spoofed-provider-is-challenged"), target: bed.serverTarget,
            arguments: ["-s", TrunkProvider.did], timeout: 15)
        let phoneSide = phone.finish(within: 2)
        let diagnostics = "spoofer:\n\(spoofer.output)\nphone:\n\(phoneSide.output)\nserver:\n\(bed.server.log)"
        #expect(spoofer.succeeded, "\(diagnostics)")
        #expect(!phoneSide.trace.contains { !$0.sent && $0.method == "INVITE" }, "\(diagnostics)")
    }

    /// Waits (bounded) until `switchboard trunks --json` counts `count` calls on `trunk`.
    private func waitForActiveCalls(_ count: Int, on trunk: String, of bed: CallTestBed, timeout: TimeInterval = 10)
        -> Bool
    {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if activeCalls(on: trunk, of: bed) == count { return true }
            usleep(100_000)
        }
        return false
    }

    /// The `activeCalls` of `trunk` in `switchboard trunks --json`.
    private func activeCalls(on trunk: String, of bed: CallTestBed) -> Int? {
        guard
            let listed = try? Command.run(
                SwitchboardBinary.url.path, ["trunks", "--json", "--data", bed.server.dataDirectory.path]),
            let object = try? JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [String: Any],
            let trunks = object["trunks"] as? [[String: Any]],
            let entry = trunks.first(where: { $0["name"] as? String == trunk })
        else { return nil }
        return entry["activeCalls"] as? Int
    }
}
