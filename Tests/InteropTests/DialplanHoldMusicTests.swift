// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

/// The music a held party hears is the class the dialplan's `music` step named before the
/// dial, not the server's default: here a chirp, which the test tells apart from the default
/// chords by comparing the decoded RTP with both.
@Suite("Hold music from the dialplan", .serialized, .tags(.interop))
struct DialplanHoldMusicTests {
    @Test func heldPhoneHearsTheClassTheDialplanNamed() throws {
        let sounds = try TemporaryDirectory.make(prefix: "sounds")
        let chirp = sounds.appendingPathComponent("moh/chirp.wav")
        try FileManager.default.createDirectory(at: chirp.deletingLastPathComponent(), withIntermediateDirectories: true)
        let sox = try Command.run("/usr/bin/sox", ["-n", "-r", "8000", "-c", "1", "-b", "16", chirp.path, "synth", "3", "sine", "300-1200"])
        try #require(sox.status == 0, "\(sox.output)")
        let plan = """
            music:
              rising: moh/chirp
            contexts:
              internal:
                - match: '1002'
                  steps:
                    - music: rising
                    - dial: 1002

            """
        // The caller's port is held too: the caller hears the class as early media, and another
        // test's collector must not get it.
        let caller = try RTPCollector(port: MediaStepsTests.callerMediaPort)
        let callee = try RTPCollector(port: MediaStepsTests.calleeMediaPort)
        defer {
            caller.stop()
            callee.stop()
        }
        let bed = try CallTestBed.with(dialplan: plan, sounds: sounds)
        defer { bed.stop() }
        let outcome = try bed.run(caller: "caller-holds-and-resumes", callees: ["callee-answers"])
        #expect(outcome.caller.succeeded, "\(outcome.diagnostics)")

        // Neither phone sends RTP: all the callee gets is the music while it is held (500 ms).
        let music = callee.received
        #expect(music.count >= 15, "\(music.count) packets\n\(outcome.diagnostics)")
        let heard = MuLaw.decode(stream: music)
        let sent = try WaveFile(contentsOf: chirp).samples
        let match = try #require(SignalMatch.align(sent: sent, received: heard, probeStart: 400, probeLength: 1_600))
        #expect(match.correlation >= 0.9, "the chirp class: \(match)")
        let chords = try WaveFile(contentsOf: SwitchboardBinary.packageRoot.appendingPathComponent("sounds/moh/default/chords.wav"))
        let other = SignalMatch.align(sent: chords.samples, received: heard, probeStart: 400, probeLength: 1_600)
        #expect((other?.correlation ?? 0) < 0.5, "not the default chords: \(String(describing: other))")
    }
}
