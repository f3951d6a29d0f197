// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

/// Checks on the RTP a phone got from Switchboard's own media, and a phone's own talk.
enum PromptExpectation {
    /// The samples of a sound shipped in `sounds/`, e.g. `prompts/unavailable`.
    static func samples(of sound: String) throws -> [Int16] {
        try WaveFile(contentsOf: SwitchboardBinary.packageRoot.appendingPathComponent("sounds/\(sound).wav")).samples
    }

    /// Every packet one RTP stream of PCMU, with unbroken sequence numbers, carrying the whole
    /// prompt once: its timestamps span the prompt's 20 ms frames, over as long as it lasts,
    /// the audio matching the file. A loaded machine may make the player leave out a few
    /// packets (their timestamps are skipped), never add any.
    static func expectWholePrompt(_ prompt: String, in packets: [RTPCollector.Packet], comment: String) throws {
        let samples = try samples(of: prompt)
        let frames = (samples.count + 159) / 160
        let first = try #require(packets.first, "no RTP\n\(comment)")
        let spanned = packets.last.map { Int($0.timestamp &- first.timestamp) / 160 + 1 } ?? 0
        #expect(spanned == frames, "timestamps span \(spanned) packets for \(frames) frames\n\(comment)")
        #expect(packets.count >= frames * 9 / 10 && packets.count <= frames, "\(packets.count) packets for \(frames) frames")
        #expect(Set(packets.map(\.ssrc)).count == 1)
        #expect(packets.allSatisfy { $0.payloadType == 0 }, "PCMU, the codec the caller offered")
        let sequence = packets.map(\.sequenceNumber)
        #expect(zip(sequence, sequence.dropFirst()).allSatisfy { $1 == $0 &+ 1 }, "sequence numbers step by one")
        let seconds = (packets.last?.arrival ?? first.arrival).timeIntervalSince(first.arrival)
        #expect(abs(seconds - Double(samples.count) / 8000) < 0.5, "played over \(seconds) s")
        let heard = MuLaw.decode(stream: packets)
        let match = try #require(SignalMatch.align(sent: samples, received: heard), "\(comment)")
        #expect(match.correlation >= 0.9, "\(match)")
        #expect(match.overlap >= samples.count * 9 / 10, "\(match)")
    }

    /// Sends one second of a phone's RTP (50 packets, 20 ms apart) from `phone`'s port to the
    /// relay port it was offered, and returns the payload every packet carried, to recognise
    /// them where they arrive.
    static func talk(from phone: RTPCollector, toRelayPort port: Int) -> [UInt8] {
        let payload = [UInt8](repeating: 0x5A, count: 160)
        for sequence in 0..<50 {
            let header: [UInt8] = [0x80, 0x00, 0x00, UInt8(sequence), 0, 0, 0x10, UInt8(sequence), 0x12, 0x34, 0x56, 0x78]
            phone.send(header + payload, toPort: port)
            usleep(20_000)
        }
        return payload
    }
}
