// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

/// Digest authentication of REGISTER (RFC 3261 §22.4, RFC 7616) against a real server process:
/// wrong passwords, unknown extensions, stale nonces and replayed nonce-counts.
@Suite("Digest authentication", .serialized)
struct AuthenticationTests {
    private let password = RegistrarFixture.password
    private let wrongPassword = RegistrarFixture.wrongPassword

    @Test func wrongPasswordIsChallengedAgainWithSIPp() throws {
        let fixture = try RegistrarFixture()
        defer { fixture.server.stop() }
        let run = try SIPp.run(
            scenario: SIPp.scenario("register-wrong-password"), target: "127.0.0.1:\(fixture.udpPort)",
            arguments: ["-s", "1001", "-au", "1001", "-ap", wrongPassword, "-key", "expires", "3600"])
        #expect(run.succeeded, "\(run.output)\n\(fixture.server.log)")
        #expect(try fixture.registrations().isEmpty)
    }

    @Test func wrongPasswordGetsANewChallenge() throws {
        let fixture = try RegistrarFixture()
        defer { fixture.server.stop() }
        let phone = try RegisterClient(number: "1001", serverPort: fixture.udpPort)
        let first = try #require(phone.register())
        let challenge = try #require(first.challenges.first)
        let again = try #require(try phone.answer(challenge, password: wrongPassword))
        #expect(again.statusLine == "SIP/2.0 401 Unauthorized")
        #expect(again.challenges.count == 2)
        #expect(!again.challenges.contains { $0.nonce == challenge.nonce })
        #expect(try fixture.registrations().isEmpty)
    }

    /// A scanner must not learn which extensions exist: an unknown one gets the same answer as a
    /// known one with a wrong password, both to the first REGISTER and to the answered challenge.
    @Test func unknownExtensionLooksLikeAWrongPassword() throws {
        let fixture = try RegistrarFixture()
        defer { fixture.server.stop() }
        let known = try exchange(number: "1001", port: fixture.udpPort)
        let unknown = try exchange(number: "1009", port: fixture.udpPort)
        #expect(known.first.statusLine == "SIP/2.0 401 Unauthorized")
        #expect(known.answered.statusLine == "SIP/2.0 401 Unauthorized")
        #expect(unknown.first.statusLine == known.first.statusLine)
        #expect(unknown.answered.statusLine == known.answered.statusLine)
        #expect(unknown.first.challenges.map(\.shape) == known.first.challenges.map(\.shape))
        #expect(unknown.answered.challenges.map(\.shape) == known.answered.challenges.map(\.shape))
        #expect(headerNames(unknown.answered) == headerNames(known.answered))
        #expect(!known.first.challenges.isEmpty)
    }

    @Test func staleNonceWithSIPp() throws {
        let fixture = try RegistrarFixture(serveArguments: ["--nonce-lifetime", "1"])
        defer { fixture.server.stop() }
        let run = try SIPp.run(
            scenario: SIPp.scenario("stale-nonce"), target: "127.0.0.1:\(fixture.udpPort)",
            arguments: ["-s", "1001", "-au", "1001", "-ap", password, "-key", "expires", "3600"])
        #expect(run.succeeded, "\(run.output)\n\(fixture.server.log)")
        #expect(try fixture.contacts(of: "1001").count == 1)
    }

    @Test func staleNonceIsChallengedWithStaleTrueAndTheNewChallengeWorks() throws {
        let fixture = try RegistrarFixture(serveArguments: ["--nonce-lifetime", "1"])
        defer { fixture.server.stop() }
        let phone = try RegisterClient(number: "1001", serverPort: fixture.udpPort)
        let old = try #require(phone.register()?.challenges.first)
        Thread.sleep(forTimeInterval: 2.5)
        let stale = try #require(try phone.answer(old, password: password))
        #expect(stale.statusLine == "SIP/2.0 401 Unauthorized")
        #expect(!stale.challenges.isEmpty)
        #expect(stale.challenges.allSatisfy { $0.isStale }, "\(stale.values("WWW-Authenticate"))")
        let fresh = try #require(stale.challenges.first)
        let accepted = try #require(try phone.answer(fresh, password: password))
        #expect(accepted.statusLine == "SIP/2.0 200 OK")
    }

    /// RFC 7616 §3.4.5: the same nonce with the same nonce-count on a new request is a replay.
    @Test func replayedNonceCountIsRefused() throws {
        let fixture = try RegistrarFixture()
        defer { fixture.server.stop() }
        let phone = try RegisterClient(number: "1001", serverPort: fixture.udpPort)
        let challenge = try #require(phone.register()?.challenges.first)
        let credentials = try phone.authorization(answering: challenge, password: password, nc: 1)
        #expect(phone.register(authorization: credentials)?.statusLine == "SIP/2.0 200 OK")
        let replay = try #require(phone.register(authorization: credentials))
        #expect(replay.statusLine == "SIP/2.0 401 Unauthorized")
        // The next count on the same nonce is a legitimate reuse (RFC 7616 §3.4.5).
        let next = try phone.authorization(answering: challenge, password: password, nc: 2)
        #expect(phone.register(authorization: next)?.statusLine == "SIP/2.0 200 OK")
    }

    private func exchange(number: String, port: Int) throws -> (first: SIPResponseText, answered: SIPResponseText) {
        let phone = try RegisterClient(number: number, serverPort: port)
        let first = try #require(phone.register())
        let challenge = try #require(first.challenges.first)
        let answered = try #require(try phone.answer(challenge, password: wrongPassword))
        return (first, answered)
    }

    /// The header field names in order, without the values that differ per request.
    private func headerNames(_ response: SIPResponseText) -> [String] {
        response.headers.map { $0.name.lowercased() }
    }
}
