// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

/// Hold through Switchboard: the holding phone's re-INVITE is answered by Switchboard, the held
/// phone hears music from its relay port, the holding phone gets none, and resume ends the music.
/// Neither sipp phone sends RTP, so every packet that arrives is Switchboard's own.
@Suite("Music on hold", .serialized, .tags(.interop))
struct MusicOnHoldTests {
    /// The RTP ports the caller and callee scenarios announce in their SDP.
    static let callerMediaPort = 6100
    static let calleeMediaPort = 6200

    @Test func heldPhoneHearsMusicFromTheRelayAndTheHolderHearsNothing() throws {
        let caller = try RTPCollector(port: Self.callerMediaPort)
        let callee = try RTPCollector(port: Self.calleeMediaPort)
        defer {
            caller.stop()
            callee.stop()
        }
        let bed = try CallTestBed()
        defer { bed.stop() }
        let outcome = try bed.run(caller: "caller-holds-and-resumes", callees: ["callee-answers"])
        #expect(outcome.caller.succeeded, "\(outcome.diagnostics)")
        let afterCall = callee.received.count
        Thread.sleep(forTimeInterval: 0.5)

        let music = callee.received
        // About 500 ms on hold at 20 ms a packet; a loaded machine may send fewer.
        #expect(music.count >= 10, "\(music.count) packets of music\n\(bed.server.log)")
        #expect(Set(music.map(\.ssrc)).count == 1)
        #expect(music.allSatisfy { $0.payloadType == 0 }, "music is PCMU, the codec the call uses")
        #expect(Set(music.map(\.sourcePort)).count == 1, "music comes from one relay port")
        let sequence = music.map(\.sequenceNumber)
        #expect(zip(sequence, sequence.dropFirst()).allSatisfy { $1 == $0 &+ 1 }, "sequence numbers step by one")
        #expect(caller.received.isEmpty, "the holding phone got \(caller.received.count) packets")
        #expect(callee.received.count == afterCall, "music went on after the call")
    }
}
