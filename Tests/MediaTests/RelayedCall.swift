// SPDX-License-Identifier: Apache-2.0
import NIOCore

@testable import Media

/// A relay session with two test phones, each an RTP and an RTCP socket on 127.0.0.1.
struct RelayedCall {
    struct Phone {
        let rtp: TestPhoneSocket
        let rtcp: TestPhoneSocket

        static func bind() async throws -> Phone {
            Phone(rtp: try await TestPhoneSocket.bind(), rtcp: try await TestPhoneSocket.bind())
        }

        func close() async throws {
            try await rtp.close()
            try await rtcp.close()
        }
    }

    let relay: MediaRelay
    let session: RelaySession
    let phoneA: Phone
    let phoneB: Phone

    /// A relay over port block `portBlock` (see `TestPorts`) with one session and two phones.
    static func start(portBlock: Int, rtpTimeout: TimeAmount = .seconds(60)) async throws -> RelayedCall {
        let relay = try makeRelay(ports: TestPorts.block(portBlock, pairs: 2), rtpTimeout: rtpTimeout)
        let session = try await relay.allocateSession().get()
        return RelayedCall(relay: relay, session: session, phoneA: try await .bind(), phoneB: try await .bind())
    }

    /// Gives the relay both phones' addresses, as their SDP would.
    func signalBothPhones() async throws {
        try await setRemote(.a, rtp: phoneA.rtp, rtcp: phoneA.rtcp)
        try await setRemote(.b, rtp: phoneB.rtp, rtcp: phoneB.rtcp)
    }

    /// Tells the relay, on the session's loop, that `leg`'s phone receives on these sockets.
    func setRemote(_ leg: RelayLeg, rtp: TestPhoneSocket, rtcp: TestPhoneSocket) async throws {
        let session = self.session
        let (rtpAddress, rtcpAddress) = (try rtp.address, try rtcp.address)
        try await session.eventLoop.submit { session.setRemote(leg, rtp: rtpAddress, rtcp: rtcpAddress) }.get()
    }

    /// The session's statistics, read on its loop.
    func statistics() async throws -> RelayStatistics {
        let session = self.session
        return try await session.eventLoop.submit { session.statistics }.get()
    }

    func end() async throws {
        try await session.close().get()
        try await phoneA.close()
        try await phoneB.close()
    }
}
