// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import SIP

@Suite("Digest hashing")
struct DigestHashTests {
    // RFC 7616 §3.9.1: user Mufasa, password "Circle of Life", GET /dir/index.html, qop=auth.
    static let rfc7616Nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v"
    static let rfc7616Cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ"

    private func rfc7616Response(_ algorithm: DigestAlgorithm) throws -> String {
        let ha1 = try DigestHash.ha1(
            username: "Mufasa", realm: "http-auth@example.org", password: "Circle of Life", algorithm: algorithm
        )
        let ha2 = try DigestHash.ha2(method: "GET", uri: "/dir/index.html", algorithm: algorithm)
        return try DigestHash.response(
            ha1: ha1, nonce: Self.rfc7616Nonce, nc: "00000001", cnonce: Self.rfc7616Cnonce,
            qop: "auth", ha2: ha2, algorithm: algorithm
        )
    }

    @Test("RFC 7616 §3.9.1 MD5 response")
    func rfc7616MD5() throws {
        #expect(try rfc7616Response(.md5) == "8ca523f5e9506fed4657c9700eebdbec")
    }

    @Test("RFC 7616 §3.9.1 SHA-256 response")
    func rfc7616SHA256() throws {
        #expect(try rfc7616Response(.sha256) == "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")
    }

    @Test("RFC 2617 §3.5 response with qop=auth")
    func rfc2617() throws {
        let ha1 = try DigestHash.ha1(
            username: "Mufasa", realm: "testrealm@host.com", password: "Circle Of Life", algorithm: .md5
        )
        let ha2 = try DigestHash.ha2(method: "GET", uri: "/dir/index.html", algorithm: .md5)
        let response = try DigestHash.response(
            ha1: ha1, nonce: "dcd98b7102dd2f0e8b11d0f600bfb0c093", nc: "00000001", cnonce: "0a4f113b",
            qop: "auth", ha2: ha2, algorithm: .md5
        )
        #expect(response == "6629fae49393a05397450978507c4ef1")
    }

    @Test("Without qop the response is H(HA1:nonce:HA2) (RFC 2617 §3.2.2.1)")
    func noQop() throws {
        let ha1 = try DigestHash.ha1(
            username: "Mufasa", realm: "testrealm@host.com", password: "Circle Of Life", algorithm: .md5
        )
        let ha2 = try DigestHash.ha2(method: "GET", uri: "/dir/index.html", algorithm: .md5)
        let response = try DigestHash.response(
            ha1: ha1, nonce: "dcd98b7102dd2f0e8b11d0f600bfb0c093", nc: nil, cnonce: nil,
            qop: nil, ha2: ha2, algorithm: .md5
        )
        #expect(response == "670fd8c2df070c60b045671b8b24ff02")
    }

    @Test("Session HA1 is H(HA1:nonce:cnonce) (RFC 7616 §3.4.2)")
    func sessionHA1() throws {
        let ha1 = try DigestHash.ha1(
            username: "Mufasa", realm: "testrealm@host.com", password: "Circle Of Life", algorithm: .md5
        )
        let session = try DigestHash.sessionHA1(
            ha1: ha1, nonce: "dcd98b7102dd2f0e8b11d0f600bfb0c093", cnonce: "0a4f113b", algorithm: .md5
        )
        #expect(session == "5edb191b66dce1584c16cb7e7346fcee")
    }

    @Test("SHA-512/256 of \"abc\" matches the FIPS 180-4 example")
    func sha512_256() throws {
        let digest = try DigestHash.hexDigest(of: "abc", algorithm: .sha512_256)
        #expect(digest == "53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23")
    }

    @Test("HMAC-SHA256 matches RFC 4231 test case 2")
    func hmac() throws {
        let mac = try DigestHash.hmacSHA256(
            key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8)
        )
        #expect(DigestHash.hex(mac) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test("Random bytes have the requested length and differ between calls")
    func random() throws {
        let first = try DigestHash.randomBytes(count: 32)
        let second = try DigestHash.randomBytes(count: 32)
        #expect(first.count == 32)
        #expect(first != second)
        #expect(try DigestHash.randomBytes(count: 0).isEmpty)
    }

    @Test("Constant-time comparison")
    func constantTime() {
        #expect(DigestHash.constantTimeEquals("abcdef", "abcdef"))
        #expect(!DigestHash.constantTimeEquals("abcdef", "abcdeg"))
        #expect(!DigestHash.constantTimeEquals("abc", "abcd"))
        #expect(DigestHash.constantTimeEquals([UInt8](), [UInt8]()))
    }

    @Test("Algorithm names parse case-insensitively, with and without -sess")
    func algorithmNames() {
        #expect(DigestAlgorithm(token: "md5") == .md5)
        #expect(DigestAlgorithm(token: "SHA-512-256") == .sha512_256)
        #expect(DigestAlgorithm(token: "SHA-1") == nil)
        let md5Session = DigestAlgorithmParameter(algorithm: .md5, isSession: true)
        #expect(DigestAlgorithmParameter(token: "MD5-sess") == md5Session)
        #expect(DigestAlgorithmParameter(token: "sha-256")?.token == "SHA-256")
        #expect(DigestAlgorithmParameter(token: "SHA-256-sess")?.token == "SHA-256-sess")
        #expect(DigestAlgorithmParameter(token: "-sess") == nil)
        #expect(DigestAlgorithmParameter(token: "bogus-sess") == nil)
    }
}
