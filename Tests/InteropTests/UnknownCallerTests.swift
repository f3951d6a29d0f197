// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

/// An INVITE from an address that is no trunk, without credentials, learns nothing about the
/// numbers behind the server.
@Suite("Unknown callers", .serialized, .tags(.interop))
struct UnknownCallerTests {
    @Test func existingAndMissingNumbersGetTheSameChallenge() throws {
        let bed = try CallTestBed()
        defer { bed.stop() }
        // An extension that is only ever challenged with SHA-256 must not show it to strangers.
        let pinned = try Command.run(
            SwitchboardBinary.url.path,
            [
                "ext", "add", "1003", "--password", CallTestBed.password, "--algorithm", "sha-256", "--data",
                bed.server.dataDirectory.path,
            ])
        try #require(pinned.status == 0, "\(pinned.output)")
        let port = bed.server.port("udp")
        let toPinned = try #require(try invite("1003", port: port), "\(bed.server.log)")
        let toMissing = try #require(try invite("1999", port: port), "\(bed.server.log)")
        #expect(toPinned.statusCode == 401)
        #expect(toMissing.statusCode == 401)
        #expect(toPinned.challenges.map(\.algorithm) == toMissing.challenges.map(\.algorithm))
        #expect(toPinned.challenges.map(\.realm) == toMissing.challenges.map(\.realm))
    }

    private func invite(_ number: String, port: Int) throws -> SIPResponseText? {
        let socket = try RawSIPSocket(port: port)
        socket.send(
            """
            INVITE sip:\(number)@127.0.0.1:\(port) SIP/2.0
            Via: SIP/2.0/UDP 127.0.0.1:\(socket.localPort);branch=z9hG4bK-probe-\(number)
            Max-Forwards: 70
            From: <sip:+15550123@127.0.0.1>;tag=probe
            To: <sip:\(number)@127.0.0.1>
            Call-ID: probe-\(number)@127.0.0.1
            CSeq: 1 INVITE
            Contact: <sip:probe@127.0.0.1:\(socket.localPort)>
            Content-Length: 0


            """)
        // A 100 Trying may come first.
        for _ in 0..<3 {
            guard let response = socket.receive().flatMap(SIPResponseText.init) else { return nil }
            if response.statusCode >= 200 { return response }
        }
        return nil
    }
}
