// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import SIP

@Suite("Digest client")
struct DigestClientTests {
    // RFC 7616 §3.9.1: the challenge, user Mufasa, password "Circle of Life", GET /dir/index.html.
    static let opaque = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"
    static let nonce = DigestHashTests.rfc7616Nonce
    static let cnonce = DigestHashTests.rfc7616Cnonce

    private func challenge(_ algorithm: String?, qop: String? = "auth, auth-int", stale: Bool = false) throws
        -> AuthChallenge
    {
        var text = "Digest realm=\"http-auth@example.org\""
        if let qop { text += ", qop=\"\(qop)\"" }
        if let algorithm { text += ", algorithm=\(algorithm)" }
        text += ", nonce=\"\(Self.nonce)\", opaque=\"\(Self.opaque)\""
        if stale { text += ", stale=TRUE" }
        return try AuthChallenge(parsing: text)
    }

    private func answer(_ session: inout DigestClientSession, cnonce: String? = DigestClientTests.cnonce) throws
        -> AuthCredentials
    {
        try session.credentials(
            username: "Mufasa", password: "Circle of Life", method: "GET", uri: "/dir/index.html", cnonce: cnonce)
    }

    @Test("RFC 7616 §3.9.1 MD5 Authorization, parameter for parameter")
    func rfc7616MD5() throws {
        var session = try DigestClientSession(challenge: challenge("MD5"))
        let credentials = try answer(&session)
        #expect(
            credentials.description
                == "Digest username=\"Mufasa\", realm=\"http-auth@example.org\", uri=\"/dir/index.html\", algorithm=MD5, "
                + "nonce=\"\(Self.nonce)\", nc=00000001, cnonce=\"\(Self.cnonce)\", qop=auth, "
                + "response=\"8ca523f5e9506fed4657c9700eebdbec\", opaque=\"\(Self.opaque)\""
        )
    }

    @Test("RFC 7616 §3.9.1 SHA-256 Authorization")
    func rfc7616SHA256() throws {
        var session = try DigestClientSession(challenge: challenge("SHA-256"))
        let credentials = try answer(&session)
        #expect(credentials.response == "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")
        #expect(credentials.algorithm == "SHA-256")
        #expect(credentials.qop == "auth")
        #expect(credentials.opaque == Self.opaque)
    }

    @Test("Without algorithm= the client uses MD5 and does not name it")
    func defaultAlgorithmIsMD5() throws {
        var session = try DigestClientSession(challenge: challenge(nil))
        let credentials = try answer(&session)
        #expect(credentials.response == "8ca523f5e9506fed4657c9700eebdbec")
        #expect(credentials.algorithm == nil)
    }

    @Test("nc counts up on the same nonce and the response changes with it")
    func nonceCountIncrements() throws {
        var session = try DigestClientSession(challenge: challenge("MD5"))
        let first = try answer(&session)
        let second = try answer(&session)
        let third = try answer(&session)
        #expect([first, second, third].map(\.nonceCount) == ["00000001", "00000002", "00000003"])
        #expect(session.nonceCount == 3)
        let ha1 = try DigestHash.ha1(
            username: "Mufasa", realm: "http-auth@example.org", password: "Circle of Life", algorithm: .md5)
        let ha2 = try DigestHash.ha2(method: "GET", uri: "/dir/index.html", algorithm: .md5)
        let expected = try DigestHash.response(
            ha1: ha1, nonce: Self.nonce, nc: "00000002", cnonce: Self.cnonce, qop: "auth", ha2: ha2, algorithm: .md5)
        #expect(second.response == expected)
        #expect(second.response != first.response)
    }

    @Test("A stale challenge starts a new session whose nc starts again at 1")
    func staleChallengeRestartsCounting() throws {
        var old = try DigestClientSession(challenge: challenge("MD5"))
        _ = try answer(&old)
        _ = try answer(&old)
        let stale = try challenge("MD5", stale: true)
        #expect(stale.isStale)
        var renewed = try DigestClientSession(challenge: stale)
        #expect(try answer(&renewed).nonceCount == "00000001")
    }

    @Test("Without qop (RFC 2069 style) there is no nc, cnonce or qop")
    func noQop() throws {
        var session = try DigestClientSession(challenge: challenge("MD5", qop: nil))
        let credentials = try answer(&session, cnonce: nil)
        #expect(credentials.nonceCount == nil && credentials.cnonce == nil && credentials.qop == nil)
        let ha1 = try DigestHash.ha1(
            username: "Mufasa", realm: "http-auth@example.org", password: "Circle of Life", algorithm: .md5)
        let ha2 = try DigestHash.ha2(method: "GET", uri: "/dir/index.html", algorithm: .md5)
        let expected = try DigestHash.hexDigest(of: "\(ha1):\(Self.nonce):\(ha2)", algorithm: .md5)
        #expect(credentials.response == expected)
    }

    @Test("MD5-sess hashes the nonce and cnonce into HA1")
    func sessionAlgorithm() throws {
        var session = try DigestClientSession(challenge: challenge("MD5-sess"))
        let credentials = try answer(&session)
        let ha1 = try DigestHash.ha1(
            username: "Mufasa", realm: "http-auth@example.org", password: "Circle of Life", algorithm: .md5)
        let sessionHA1 = try DigestHash.sessionHA1(ha1: ha1, nonce: Self.nonce, cnonce: Self.cnonce, algorithm: .md5)
        let ha2 = try DigestHash.ha2(method: "GET", uri: "/dir/index.html", algorithm: .md5)
        let expected = try DigestHash.response(
            ha1: sessionHA1, nonce: Self.nonce, nc: "00000001", cnonce: Self.cnonce, qop: "auth", ha2: ha2,
            algorithm: .md5)
        #expect(credentials.response == expected)
        #expect(credentials.algorithm == "MD5-sess")
    }

    @Test("A generated cnonce is 32 hex digits and differs each time")
    func generatedCnonce() throws {
        var session = try DigestClientSession(challenge: challenge("SHA-256"))
        let first = try answer(&session, cnonce: nil)
        let second = try answer(&session, cnonce: nil)
        #expect(first.cnonce?.count == 32)
        #expect(first.cnonce?.allSatisfy(\.isHexDigit) == true)
        #expect(first.cnonce != second.cnonce)
    }

    @Test("Credentials parse back as an Authorization header")
    func roundTrip() throws {
        var session = try DigestClientSession(challenge: challenge("SHA-256"))
        let credentials = try answer(&session)
        let parsed = try AuthCredentials(parsing: credentials.description)
        #expect(parsed == credentials)
        #expect(parsed.username == "Mufasa" && parsed.uri == "/dir/index.html" && parsed.nonce == Self.nonce)
    }

    @Test("Challenges the client cannot answer are refused with the reason")
    func refusals() throws {
        #expect(throws: DigestClientError.unsupportedScheme("Basic")) {
            try DigestClientSession(challenge: AuthChallenge(parsing: "Basic realm=\"x\""))
        }
        #expect(throws: DigestClientError.unsupportedQop("auth-int")) {
            try DigestClientSession(challenge: challenge("MD5", qop: "auth-int"))
        }
        #expect(throws: DigestClientError.unsupportedAlgorithm("SHA-1")) {
            try DigestClientSession(challenge: challenge("SHA-1"))
        }
        #expect(throws: DigestClientError.missingParameter("nonce")) {
            try DigestClientSession(challenge: AuthChallenge(parsing: "Digest realm=\"x\""))
        }
        #expect(throws: DigestClientError.realmMismatch(expected: "other.net", found: "http-auth@example.org")) {
            try DigestClientSession(challenge: challenge("MD5"), expectedRealm: "other.net")
        }
    }

    @Test("RFC 8760 §2.4: the first challenge with a supported algorithm is answered")
    func picksTopmostSupportedChallenge() throws {
        let challenges = [try challenge("SHA-1"), try challenge("SHA-256"), try challenge("MD5")]
        let session = try DigestClientSession.first(answering: challenges)
        #expect(session.algorithm == DigestAlgorithmParameter(algorithm: .sha256))
        #expect(throws: DigestClientError.unsupportedAlgorithm("SHA-1")) {
            try DigestClientSession.first(answering: [try challenge("SHA-1")])
        }
    }

    @Test("nc is eight lower-case hex digits")
    func nonceCountFormat() {
        #expect(DigestClientSession.hex8(1) == "00000001")
        #expect(DigestClientSession.hex8(0xab) == "000000ab")
        #expect(DigestClientSession.hex8(UInt32.max) == "ffffffff")
    }
}
