// SPDX-License-Identifier: Apache-2.0
import NIOConcurrencyHelpers
import NIOCore
import Testing

@testable import Media

/// Behaviour of the media timeout with real sockets. The bounds are generous (packets every
/// 50 ms against a 4 s timeout, waits of seconds) because the suite runs beside interop tests
/// that load the machine: these check what happens, not how fast.
@Suite("Relay session: media timeout")
struct RelaySessionTimeoutTests {
    @Test("an answered call with no media is reported once")
    func firesWhenIdle() async throws {
        let call = try await RelayedCall.start(portBlock: 20, rtpTimeout: .milliseconds(300))
        let calls = try await watchTimeout(of: call.session, activate: true)
        try await eventually { calls.count >= 1 }
        try await Task.sleep(for: .milliseconds(700))
        #expect(calls.count == 1)
        try await call.end()
    }

    @Test("a call not yet answered is not timed out")
    func notBeforeActive() async throws {
        let call = try await RelayedCall.start(portBlock: 21, rtpTimeout: .milliseconds(300))
        let calls = try await watchTimeout(of: call.session, activate: false)
        try await Task.sleep(for: .milliseconds(1200))
        #expect(calls.count == 0)
        try await call.end()
    }

    @Test("media in one direction keeps the call up; silence after it ends the call")
    func packetsKeepCallAlive() async throws {
        let call = try await RelayedCall.start(portBlock: 22, rtpTimeout: .seconds(4))
        try await call.signalBothPhones()
        let calls = try await watchTimeout(of: call.session, activate: true)
        for sequenceNumber in 1...30 {
            let packet = voicePacket(sequenceNumber: UInt16(sequenceNumber), ssrc: 0xA)
            try await call.phoneA.rtp.send(packet, toPort: call.session.a.rtpPort)
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(calls.count == 0)
        try await eventually { calls.count == 1 }
        try await call.end()
    }

    @Test("closing the session cancels the timeout")
    func closeCancels() async throws {
        let call = try await RelayedCall.start(portBlock: 23, rtpTimeout: .seconds(2))
        let calls = try await watchTimeout(of: call.session, activate: true)
        try await call.end()
        try await Task.sleep(for: .milliseconds(3000))
        #expect(calls.count == 0)
    }

    /// Counts `onTimeout` calls, after setting the session active or not, on its loop.
    private func watchTimeout(of session: RelaySession, activate: Bool) async throws -> TimeoutCounter {
        let calls = TimeoutCounter()
        try await session.eventLoop.submit {
            session.onTimeout = { calls.increment() }
            session.setActive(activate)
        }.get()
        return calls
    }
}

/// How many times `onTimeout` ran, readable from the test's task.
private final class TimeoutCounter: Sendable {
    private let calls = NIOLockedValueBox(0)

    var count: Int { calls.withLockedValue { $0 } }

    func increment() {
        calls.withLockedValue { $0 += 1 }
    }
}
