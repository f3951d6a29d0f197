// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

/// Brute-force protection of a real server process: repeated failed authentication bans the
/// source address (403 to everything), `ban list` names it and `ban remove` lifts it.
@Suite("Address bans", .serialized)
struct BanTests {
    @Test func threeWrongAnswersBanTheAddressUntilLifted() throws {
        let fixture = try RegistrarFixture(serveArguments: ["--auth-max-failures", "3", "--auth-failure-window", "60"])
        defer { fixture.server.stop() }
        let phone = try RegisterClient(number: "1001", serverPort: fixture.udpPort)
        let answers = try failAuthentication(times: 3, with: phone)
        #expect(answers == Array(repeating: "SIP/2.0 401 Unauthorized", count: 3))

        let banned = try #require(phone.register())
        #expect(banned.statusCode == 403, "\(banned.statusLine)")
        #expect(try fixture.bans().map(\.address) == ["127.0.0.1"])
        // Every method is refused while banned, not only REGISTER.
        #expect(try options(port: fixture.udpPort)?.statusCode == 403)

        let lifted = try fixture.removeBan("127.0.0.1")
        #expect(lifted.status == 0, "\(lifted.stderr)")
        #expect(try fixture.bans().isEmpty)
        #expect(phone.register()?.statusLine == "SIP/2.0 401 Unauthorized")
    }

    @Test func anAllowedAddressIsNeverBanned() throws {
        let fixture = try RegistrarFixture(serveArguments: ["--auth-max-failures", "3", "--auth-allow", "127.0.0.1"])
        defer { fixture.server.stop() }
        let phone = try RegisterClient(number: "1001", serverPort: fixture.udpPort)
        let answers = try failAuthentication(times: 5, with: phone)
        #expect(answers == Array(repeating: "SIP/2.0 401 Unauthorized", count: 5))
        #expect(phone.register()?.statusLine == "SIP/2.0 401 Unauthorized")
        #expect(try fixture.bans().isEmpty)
        let accepted = try phone.registerAuthenticated(password: RegistrarFixture.password).final
        #expect(accepted?.statusLine == "SIP/2.0 200 OK")
    }

    /// Answers `times` challenges with a wrong password; returns the status line of each answer.
    private func failAuthentication(times: Int, with phone: RegisterClient) throws -> [String] {
        var challenge = try #require(phone.register()?.challenges.first)
        var statusLines: [String] = []
        for _ in 0..<times {
            let credentials = try phone.authorization(answering: challenge, password: RegistrarFixture.wrongPassword)
            let answer = try #require(phone.register(authorization: credentials))
            statusLines.append(answer.statusLine)
            guard let next = answer.challenges.first else { break }
            challenge = next
        }
        return statusLines
    }

    private func options(port: Int) throws -> SIPResponseText? {
        let socket = try RawSIPSocket(port: port)
        socket.send(
            """
            OPTIONS sip:127.0.0.1:\(port) SIP/2.0
            Via: SIP/2.0/UDP 127.0.0.1:\(socket.localPort);branch=z9hG4bK-banned-options
            Max-Forwards: 70
            From: <sip:probe@127.0.0.1>;tag=banned
            To: <sip:127.0.0.1>
            Call-ID: banned-options@127.0.0.1
            CSeq: 1 OPTIONS
            Content-Length: 0


            """)
        return socket.receive().flatMap(SIPResponseText.init)
    }
}
