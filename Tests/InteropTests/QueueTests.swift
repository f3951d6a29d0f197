// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

/// Call queues through a real server: 182 Queued with the caller's position, music as early
/// media, first come first served, max_wait and max_length exits, and answering first.
/// No sipp phone sends RTP, so every packet a caller's port receives is Switchboard's own.
@Suite("Queues", .serialized, .tags(.interop))
struct QueueTests {
    /// The RTP port the queue caller scenarios announce in their SDP (not the 6100 of the other
    /// caller scenarios, so that these tests never share a port with the hold tests).
    static let callerMediaPort = 6300

    static let dialplan = """
        music:
          default: moh/default
        queues:
          sales:
            members: [1002]
            member_timeout: 10
            max_wait: 30
          slow:
            members: [1002]
            member_timeout: 10
            max_wait: 3
            music: default
          small:
            members: [1002]
            max_length: 1
            max_wait: 4
          empty:
            members: [1009]
          desk:
            members: [1002]
            member_timeout: 15
            answer: true
            announce_every: 5
            music: default
        contexts:
          internal:
            - match: '500'
              steps: [{queue: sales}]
            - match: '501'
              steps: [{queue: {name: slow, on_no_answer: [{hangup: 486}]}}]
            - match: '502'
              steps: [{queue: {name: small, on_no_answer: [{hangup: 486}], on_unavailable: [{hangup: 486}]}}]
            - match: '503'
              steps: [{queue: {name: empty, on_unavailable: [{hangup: 486}]}}]
            - match: '504'
              steps: [{queue: desk}]
            - match: extensions
              steps: [{dial: '${EXTEN}'}]

        """

    /// A server with the queues above and extensions 1001 to 1004.
    static func testBed() throws -> CallTestBed {
        let folder = try TemporaryDirectory.make(prefix: "dialplan")
        try dialplan.write(to: folder.appendingPathComponent("queues.yaml"), atomically: true, encoding: .utf8)
        let bed = try CallTestBed(extraArguments: ["--dialplan", folder.path])
        for number in ["1003", "1004"] {
            let added = try Command.run(
                SwitchboardBinary.url.path,
                ["ext", "add", number, "--password", CallTestBed.password, "--data", bed.server.dataDirectory.path])
            guard added.status == 0 else { throw CallTestBedError.provisioning(number: number, output: added.output) }
        }
        return bed
    }

    /// The reason phrases of the 182s a caller received, in order.
    static func queuedPhrases(_ result: SIPp.Result) -> [String] {
        result.trace.filter { !$0.sent && $0.statusCode == 182 }.map { message in
            String(message.startLine.split(separator: " ", maxSplits: 2).last ?? "")
        }
    }

    @Test func callersHearTheirPositionAndAreServedInTurn() throws {
        let bed = try Self.testBed()
        defer { bed.stop() }
        let member = try bed.startCallee("callee-answers-after-pause", calls: 2, arguments: ["-d", "2000"])
        let first = try bed.startCall("500", with: "caller-waits-in-queue", holdMilliseconds: 2000, from: "1001")
        Thread.sleep(forTimeInterval: 0.7)
        let second = try bed.startCall("500", with: "caller-waits-in-queue", holdMilliseconds: 1000, from: "1003")
        let firstResult = first.finish(within: 20)
        let secondResult = second.finish(within: 20)
        let memberResult = member.finish(within: 10)
        let log = bed.server.log
        #expect(firstResult.succeeded, "\(firstResult.output)\n\(log)")
        #expect(secondResult.succeeded, "\(secondResult.output)\n\(log)")
        #expect(memberResult.succeeded, "\(memberResult.output)")

        #expect(Self.queuedPhrases(firstResult) == ["position 1; 1 call queued"])
        // The second caller is told it is second, then first once the member took the first
        // caller (the estimate comes from the first caller's wait of about 2 s).
        #expect(
            Self.queuedPhrases(secondResult) == [
                "position 2; 2 calls queued", "position 1; 1 call queued; expected waiting time is less than 1 minute",
            ], "\(secondResult.output)")
        // First come, first served: the member's phone rang for 1001, then for 1003.
        let invites = memberResult.trace.filter { !$0.sent && $0.method == "INVITE" }.compactMap { $0.header("From") }
        #expect(invites.count == 2 && invites[0].contains("sip:1001@") && invites[1].contains("sip:1003@"), "\(invites)")

        let sales = try QueueRecords.status(in: bed.server.dataDirectory).first { $0.name == "sales" }
        #expect(sales?.answered == 2 && sales?.waiting == 0, "\(String(describing: sales))")
        let records = try QueueRecords.waitForRecords(2, in: bed.server.dataDirectory)
        #expect(records.count == 2)
        for record in records {
            #expect(record.queue == "sales" && record.answeredBy == "1002", "\(record)")
            #expect((record.queueWaitMilliseconds ?? 0) >= 1500, "waited \(String(describing: record.queueWaitMilliseconds)) ms")
        }
    }

    @Test func musicPlaysAsEarlyMediaUntilMaxWaitTakesOnNoAnswer() throws {
        let caller = try RTPCollector(port: Self.callerMediaPort)
        defer { caller.stop() }
        let bed = try Self.testBed()
        defer { bed.stop() }
        let member = try bed.startCallee("callee-does-not-answer")
        let result = try bed.call("501", with: "caller-waits-in-queue-until-busy")
        let log = bed.server.log
        #expect(result.succeeded, "\(result.output)\n\(log)")
        #expect(member.finish(within: 10).succeeded, "the member's phone was not cancelled\n\(log)")

        let queued = try #require(result.trace.first { !$0.sent && $0.statusCode == 182 }, "\(result.output)")
        #expect(queued.header("Content-Type") == "application/sdp", "\(queued)")
        #expect(queued.sdpAudioPort.map { CallTestBed.relayPorts.contains($0) } == true, "182 SDP names the relay: \(queued)")
        // max_wait is 3 s: about 150 packets of 20 ms; a loaded machine may send fewer.
        let music = caller.received
        #expect(music.count >= 50, "\(music.count) packets of music before the 486")
        #expect(music.allSatisfy { $0.payloadType == 0 }, "music is PCMU, the codec the caller offered")
        let slow = try QueueRecords.status(in: bed.server.dataDirectory).first { $0.name == "slow" }
        #expect(slow?.timedOut == 1 && slow?.waiting == 0, "\(String(describing: slow))")
        // The record counts the wait until max_wait sent the caller away, and no member.
        let record = try #require(try QueueRecords.waitForRecords(1, in: bed.server.dataDirectory).first)
        #expect(record.queue == "slow" && record.answeredBy == nil, "\(record)")
        #expect((2_900...4_500).contains(record.queueWaitMilliseconds ?? 0), "waited \(String(describing: record.queueWaitMilliseconds)) ms")
    }

    @Test func fullQueueAndQueueWithoutRegisteredMembersTakeOnUnavailable() throws {
        let bed = try Self.testBed()
        defer { bed.stop() }
        let member = try bed.startCallee("callee-does-not-answer")
        let waiting = try bed.startCall("502", with: "caller-waits-in-queue-until-busy", holdMilliseconds: 1000, from: "1001")
        Thread.sleep(forTimeInterval: 1)
        let refused = try bed.call("502", with: "caller-expects-busy")
        let nobody = try bed.call("503", with: "caller-expects-busy")
        let waited = waiting.finish(within: 15)
        member.stop()
        let log = bed.server.log
        #expect(refused.succeeded, "a full queue did not take on_unavailable: \(refused.output)\n\(log)")
        #expect(Self.queuedPhrases(refused).isEmpty)
        #expect(nobody.succeeded, "a queue without registered members did not take on_unavailable: \(nobody.output)\n\(log)")
        #expect(waited.succeeded, "\(waited.output)\n\(log)")
        #expect(Self.queuedPhrases(waited) == ["position 1; 1 call queued"])
        let queues = try QueueRecords.status(in: bed.server.dataDirectory)
        #expect(queues.first { $0.name == "small" }?.refused == 1, "\(queues)")
        #expect(queues.first { $0.name == "empty" }?.refused == 1, "\(queues)")
    }

    @Test func answeringQueuePlaysMusicAndPositionPromptsThenConnectsTheMember() throws {
        let caller = try RTPCollector(port: Self.callerMediaPort)
        defer { caller.stop() }
        let bed = try Self.testBed()
        defer { bed.stop() }
        // The member answers after 9 s: after the first position prompt (at 5 s, about 2.5 s long).
        let member = try bed.startCallee("callee-answers-after-pause", arguments: ["-d", "9000"])
        let result = try bed.call("504", with: "caller-answered-by-queue", holdMilliseconds: 11_000)
        let memberResult = member.finish(within: 10)
        let log = bed.server.log
        #expect(result.succeeded, "\(result.output)\n\(log)")
        #expect(memberResult.succeeded, "the member did not get the call and its BYE: \(memberResult.output)\n\(log)")
        let ok = try #require(result.trace.first { !$0.sent && $0.statusCode == 200 }, "\(result.output)")
        #expect(ok.sdpAudioPort.map { CallTestBed.relayPorts.contains($0) } == true, "\(ok)")
        #expect(!result.trace.contains { !$0.sent && $0.method == "INVITE" }, "no re-INVITE toward the caller")
        // Music, then "you are caller number", "one", then music again: each a stream of its own.
        let streams = caller.received.map(\.ssrc).reduce(into: [UInt32]()) { runs, ssrc in
            if runs.last != ssrc { runs.append(ssrc) }
        }
        #expect(streams.count >= 4, "\(streams.count) streams in \(caller.received.count) packets")
    }

    @Test func membersLogOutAndInThroughTheCommandLine() throws {
        let bed = try Self.testBed()
        defer { bed.stop() }
        let data = bed.server.dataDirectory.path
        try bed.startCallee("callee-answers")
        let logout = try Command.run(SwitchboardBinary.url.path, ["queue", "logout", "small", "1002", "--data", data])
        #expect(logout.status == 0 && logout.output == "1002 logged out of queue small\n", "\(logout.output)")
        let refused = try bed.call("502", with: "caller-expects-busy")
        #expect(refused.succeeded, "a queue whose only member logged out took a caller: \(refused.output)\n\(bed.server.log)")

        let login = try Command.run(SwitchboardBinary.url.path, ["queue", "login", "small", "1002", "--data", data])
        #expect(login.status == 0 && login.output == "1002 logged in to queue small\n", "\(login.output)")
        let answered = try bed.call("502", with: "caller-waits-in-queue")
        #expect(answered.succeeded, "the member who logged in again did not get the call: \(answered.output)\n\(bed.server.log)")

        let stranger = try Command.run(SwitchboardBinary.url.path, ["queue", "logout", "small", "1099", "--data", data])
        #expect(stranger.status == 1 && stranger.output.contains("1099 takes no calls from queue small"), "\(stranger.output)")
        let unknown = try Command.run(SwitchboardBinary.url.path, ["queue", "login", "nosuch", "1002", "--data", data])
        #expect(unknown.status == 1 && unknown.output.contains("no queue 'nosuch'"), "\(unknown.output)")
    }
}
