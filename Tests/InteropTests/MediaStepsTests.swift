// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

/// The dialplan's own media: `answer`, `play` (in the call, or as early media before an
/// answer), `hangup` after an answer, and `music` while a `dial` rings. The sipp caller sends
/// no RTP, so every packet at its port is Switchboard's; each is decoded and compared with the
/// sound file it must come from.
@Suite("Dialplan media steps", .serialized, .tags(.interop))
struct MediaStepsTests {
    /// The RTP port the caller scenarios announce.
    static let callerMediaPort = 6100
    /// The RTP port the callee scenarios announce.
    static let calleeMediaPort = 6200
    /// The prompt every test plays: 4.7 s of speech.
    static let prompt = "prompts/unavailable"

    static let dialplan = """
        music:
          default: moh/default
        contexts:
          internal:
            - name: announcement in an answered call
              match: '2001'
              steps:
                - answer
                - play: \(prompt)
                - hangup
            - name: announcement as early media
              match: '2002'
              steps:
                - play: \(prompt)
                - hangup: 480
            - name: music while the dial rings
              match: '2003'
              steps:
                - music: default
                - dial: 1002

        """

    @Test func answerPlayHangupGives200ThePromptOnceThenBYE() throws {
        let caller = try RTPCollector(port: Self.callerMediaPort)
        defer { caller.stop() }
        let bed = try CallTestBed.with(dialplan: Self.dialplan)
        defer { bed.stop() }
        let outcome = try bed.run(caller: "caller-waits-for-callee-bye", dialling: "2001")
        #expect(outcome.caller.succeeded, "\(outcome.diagnostics)")
        let ok = try #require(outcome.caller.trace.first { !$0.sent && $0.statusCode == 200 }, "\(outcome.diagnostics)")
        #expect(ok.sdpConnectionAddress == "127.0.0.1")
        #expect(ok.sdpAudioPort.map(CallTestBed.relayPorts.contains) == true, "\(ok)")
        Thread.sleep(forTimeInterval: 0.3)
        try PromptExpectation.expectWholePrompt(Self.prompt, in: caller.received, comment: outcome.diagnostics)

        let record = try #require(CallRecords.waitForOne(in: bed.server.dataDirectory), "\(outcome.diagnostics)")
        #expect(record.finalStatus == 200)
        #expect(record.answered)
        #expect(record.hangupSide == nil, "Switchboard hung up, neither phone")
    }

    @Test func lateOfferIsAnsweredInTheACKAndThePromptGoesWhereItSays() throws {
        let caller = try RTPCollector(port: Self.callerMediaPort)
        defer { caller.stop() }
        let bed = try CallTestBed.with(dialplan: Self.dialplan)
        defer { bed.stop() }
        let outcome = try bed.run(caller: "caller-late-offer-waits-for-bye", dialling: "2001")
        #expect(outcome.caller.succeeded, "\(outcome.diagnostics)")
        Thread.sleep(forTimeInterval: 0.3)
        try PromptExpectation.expectWholePrompt(Self.prompt, in: caller.received, comment: outcome.diagnostics)
    }

    @Test func playBeforeAnswerIsEarlyMediaIn183ThenTheFinalStatus() throws {
        let caller = try RTPCollector(port: Self.callerMediaPort)
        defer { caller.stop() }
        let bed = try CallTestBed.with(dialplan: Self.dialplan)
        defer { bed.stop() }
        let outcome = try bed.run(caller: "caller-expects-unavailable", dialling: "2002")
        #expect(outcome.caller.succeeded, "\(outcome.diagnostics)")
        let trace = outcome.caller.trace
        let progress = try #require(trace.first { !$0.sent && $0.statusCode == 183 }, "\(outcome.diagnostics)")
        #expect(progress.sdpConnectionAddress == "127.0.0.1")
        #expect(progress.sdpAudioPort.map(CallTestBed.relayPorts.contains) == true, "\(progress)")
        #expect(!trace.contains { !$0.sent && $0.statusCode == 200 }, "early media is not an answer")
        try PromptExpectation.expectWholePrompt(Self.prompt, in: caller.received, comment: outcome.diagnostics)
        // The final status comes once the prompt has played.
        let final = try #require(trace.first { !$0.sent && $0.statusCode == 480 })
        let start = try #require(progress.time)
        let end = try #require(final.time)
        #expect(end.timeIntervalSince(start) >= 4.3, "480 after \(end.timeIntervalSince(start)) s")
        let record = try #require(CallRecords.waitForOne(in: bed.server.dataDirectory))
        #expect(record.finalStatus == 480)
        #expect(!record.answered)
    }

    @Test func musicPlaysWhileTheDialRingsThenTheCalleeIsHeard() throws {
        let caller = try RTPCollector(port: Self.callerMediaPort)
        let callee = try RTPCollector(port: Self.calleeMediaPort)
        defer {
            caller.stop()
            callee.stop()
        }
        let bed = try CallTestBed.with(dialplan: Self.dialplan)
        defer { bed.stop() }
        let phone = try bed.startCallee("callee-answers-after-delay")
        let call = try bed.startCall("2003", with: "caller-hangs-up", holdMilliseconds: 3000)
        // Once answered, the callee's phone talks: packets of a recognisable payload.
        let relayPort = try #require(bed.answeredCalleeRelayPort(), "\(bed.server.log)")
        let talk = PromptExpectation.talk(from: callee, toRelayPort: relayPort)
        let result = call.finish()
        let answered = phone.finish(within: CallTestBed.graceAfterCall)
        let diagnostics = [result.output, answered.output, bed.server.log].joined(separator: "\n")
        #expect(result.succeeded && answered.succeeded, "\(diagnostics)")
        #expect(result.trace.contains { !$0.sent && $0.statusCode == 183 && $0.sdpAudioPort != nil }, "\(diagnostics)")

        let packets = caller.received
        let firstTalk = try #require(packets.firstIndex { $0.payload == talk }, "the callee's RTP never came\n\(diagnostics)")
        let music = Array(packets[..<firstTalk])
        // The callee answers after 3 s of ringing: about 150 packets of music.
        #expect(music.count >= 100, "\(music.count) packets of music")
        #expect(Set(music.map(\.ssrc)).count == 1)
        let chords = try WaveFile(contentsOf: SwitchboardBinary.packageRoot.appendingPathComponent("sounds/moh/default/chords.wav"))
        let match = try #require(SignalMatch.align(sent: chords.samples, received: MuLaw.decode(stream: music)))
        #expect(match.correlation >= 0.9, "the music is the default class: \(match)")
        let afterAnswer = packets[firstTalk...]
        #expect(afterAnswer.filter { $0.payload == talk }.count >= 45, "the callee's packets reach the caller")
        let late = afterAnswer.filter { $0.ssrc == music.first?.ssrc }
        #expect(late.isEmpty, "the music stopped when the callee answered: \(late.count) packets after, at \(late.map(\.arrival)), talk from \(packets[firstTalk].arrival)")
    }
}
