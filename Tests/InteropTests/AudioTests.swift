// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

/// Audio end to end: two baresip phones call each other through a real server, each sending a
/// chirp, and what each one records must be the other's chirp (G.711 µ-law, through the media
/// relay), compared sample by sample after alignment.
@Suite("Audio", .serialized, .tags(.interop))
struct AudioTests {
    /// The lowest normalised correlation accepted between what was sent and what arrived. G.711
    /// quantisation alone leaves an exact copy above 0.99; unrelated audio is near 0.
    static let minimumCorrelation = 0.9

    @Test func eachPhoneHearsTheOtherThroughTheRelay() throws {
        let call = try AudioCall()
        defer { call.stop() }
        let outcome = try call.run()
        #expect(outcome.ended, "\(outcome.diagnostics)")

        // Caller to callee: the whole rising chirp, give or take a few packets at either end.
        let callerSent = try WaveFile(contentsOf: call.callerSignal)
        let calleeHeard = try WaveFile(contentsOf: try #require(outcome.calleeRecording, "\(outcome.diagnostics)"))
        #expect(calleeHeard.sampleRate == AudioCall.sampleRate)
        #expect(abs(calleeHeard.duration - callerSent.duration) <= 0.3, "heard \(calleeHeard.duration) s")
        let forward = try #require(SignalMatch.align(sent: callerSent.samples, received: calleeHeard.samples))
        #expect(forward.correlation >= Self.minimumCorrelation, "\(forward)")
        #expect(Double(forward.overlap) >= 0.9 * Double(callerSent.samples.count), "\(forward)")

        // Callee to caller: the falling chirp, until the caller hung up.
        let calleeSent = try WaveFile(contentsOf: call.calleeSignal)
        let callerHeard = try WaveFile(contentsOf: try #require(outcome.callerRecording, "\(outcome.diagnostics)"))
        let backward = try #require(SignalMatch.align(sent: calleeSent.samples, received: callerHeard.samples))
        #expect(backward.correlation >= Self.minimumCorrelation, "\(backward)")
        #expect(Double(backward.overlap) >= 0.8 * Double(AudioCall.callerSeconds * AudioCall.sampleRate), "\(backward)")

        // Neither phone got its own audio back instead.
        let echo = SignalMatch.align(sent: calleeSent.samples, received: calleeHeard.samples)
        #expect((echo?.correlation ?? 0) < 0.5, "\(String(describing: echo))")
    }

    @Test func theCalleeIsOfferedTheRelayAndGetsRTPFromIt() throws {
        let call = try AudioCall()
        defer { call.stop() }
        let outcome = try call.run()
        let offer = try #require(AudioCall.offeredAudio(inCalleeLog: outcome.calleeLog), "\(outcome.diagnostics)")
        #expect(offer.address == "127.0.0.1")
        #expect(CallTestBed.relayPorts.contains(offer.port), "offered port \(offer.port)")
        let source = try #require(AudioCall.rtpSourcePort(inCalleeLog: outcome.calleeLog), "\(outcome.diagnostics)")
        #expect(source == offer.port, "RTP came from port \(source), the offer said \(offer.port)")

        let record = try #require(CallRecords.waitForOne(in: call.bed.server.dataDirectory), "\(outcome.diagnostics)")
        #expect(record.caller == CallTestBed.caller)
        #expect(record.callee == CallTestBed.callee)
        #expect(record.finalStatus == 200)
        #expect(record.answered)
        #expect(record.hangupSide == "caller")
    }

    /// On the wire: the server's INVITE to the callee is a new dialog (its own Call-ID, RFC 3261
    /// §8.1.1.4) whose SDP points at the relay, not at the caller's phone.
    @Test(.enabled(if: PacketCapture.isAvailable))
    func theCalleeLegIsANewDialogWithTheRelayInItsSDP() throws {
        let call = try AudioCall()
        defer { call.stop() }
        let serverPort = call.bed.server.port("udp")
        let capture = try PacketCapture(udpPort: serverPort)
        let outcome = try call.run()
        let invites = try capture.stopAndReadInvites()
        let fromCaller = invites.filter { $0.destinationPort == serverPort }
        let toCallee = invites.filter { $0.sourcePort == serverPort }
        try #require(!fromCaller.isEmpty && !toCallee.isEmpty, "\(invites)\n\(outcome.diagnostics)")
        #expect(Set(fromCaller.map(\.callID)).isDisjoint(with: toCallee.map(\.callID)), "\(invites)")
        for invite in toCallee {
            #expect(invite.connectionAddress == "127.0.0.1", "\(invite)")
            #expect(invite.audioPort.map(CallTestBed.relayPorts.contains) == true, "\(invite)")
        }
        let callerAudioPorts = Set(fromCaller.compactMap(\.audioPort))
        #expect(!callerAudioPorts.isEmpty && callerAudioPorts.allSatisfy { !CallTestBed.relayPorts.contains($0) })
        #expect(callerAudioPorts.isDisjoint(with: toCallee.compactMap(\.audioPort)), "\(invites)")
    }
}
