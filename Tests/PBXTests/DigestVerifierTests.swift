// SPDX-License-Identifier: Apache-2.0
import Foundation
import SIP
import Store
import Testing

@testable import PBX

@Suite("Digest verification")
struct DigestVerifierTests {
    let realm = "switchboard.local"
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func makeVerifier(lifetime: TimeInterval = 300) -> DigestVerifier {
        let nonces = NonceFactory(secret: Array("0123456789abcdef0123456789abcdef".utf8), realm: realm, lifetime: lifetime)
        return DigestVerifier(realm: realm, nonces: nonces, nonceCounts: NonceCountTracker(retention: lifetime * 2))
    }

    func record(number: String = "1001", password: String = "correct horse", pinned: String? = nil) throws -> ExtensionRecord {
        try ExtensionRecord(
            number: number, displayName: nil,
            credentials: DigestCredentials(
                realm: realm,
                ha1MD5: DigestHash.ha1(username: number, realm: realm, password: password, algorithm: .md5),
                ha1SHA256: DigestHash.ha1(username: number, realm: realm, password: password, algorithm: .sha256),
                ha1SHA512_256: DigestHash.ha1(username: number, realm: realm, password: password, algorithm: .sha512_256),
                pinnedAlgorithm: pinned))
    }

    /// What a phone computes for a challenge.
    func answer(
        nonce: String, password: String = "correct horse", algorithm: DigestAlgorithm = .sha256, nc: String = "00000001",
        username: String = "1001"
    ) throws -> DigestResponseFields {
        let uri = "sip:switchboard.local"
        let ha1 = try DigestHash.ha1(username: username, realm: realm, password: password, algorithm: algorithm)
        let ha2 = try DigestHash.ha2(method: "REGISTER", uri: uri, algorithm: algorithm)
        let response = try DigestHash.response(
            ha1: ha1, nonce: nonce, nc: nc, cnonce: "c0ffee", qop: "auth", ha2: ha2, algorithm: algorithm)
        return DigestResponseFields(
            username: username, realm: realm, nonce: nonce, uri: uri, response: response,
            algorithm: algorithm.token, cnonce: "c0ffee", qop: "auth", nc: nc)
    }

    @Test func rightPasswordAuthenticatesWithBothAlgorithms() throws {
        let verifier = makeVerifier()
        for algorithm in [DigestAlgorithm.sha256, .md5, .sha512_256] {
            let nonce = verifier.nonces.make(now: now)
            let fields = try answer(nonce: nonce, algorithm: algorithm)
            #expect(verifier.verify(fields, method: "REGISTER", record: try record(), now: now) == .authenticated)
        }
    }

    @Test func wrongPasswordAndUnknownUserFailAlike() throws {
        let verifier = makeVerifier()
        let nonce = verifier.nonces.make(now: now)
        let wrong = verifier.verify(try answer(nonce: nonce, password: "wrong one"), method: "REGISTER", record: try record(), now: now)
        let unknown = verifier.verify(try answer(nonce: nonce, username: "1999"), method: "REGISTER", record: nil, now: now)
        guard case .failed = wrong, case .failed = unknown else {
            Issue.record("expected failures, got \(wrong) and \(unknown)")
            return
        }
        #expect(verifier.challenges(for: nil, stale: false, now: now).count == 2)
    }

    @Test func oldNonceWithRightPasswordIsStale() throws {
        let verifier = makeVerifier(lifetime: 30)
        let nonce = verifier.nonces.make(now: now)
        let fields = try answer(nonce: nonce)
        #expect(verifier.verify(fields, method: "REGISTER", record: try record(), now: now.addingTimeInterval(31)) == .stale)
    }

    @Test func repeatedNonceCountIsAReplay() throws {
        let verifier = makeVerifier()
        let nonce = verifier.nonces.make(now: now)
        let first = try answer(nonce: nonce, nc: "00000001")
        #expect(verifier.verify(first, method: "REGISTER", record: try record(), now: now) == .authenticated)
        #expect(verifier.verify(first, method: "REGISTER", record: try record(), now: now) == .replayed)
        let second = try answer(nonce: nonce, nc: "00000002")
        #expect(verifier.verify(second, method: "REGISTER", record: try record(), now: now) == .authenticated)
    }

    @Test func forgedNonceFails() throws {
        let verifier = makeVerifier()
        var nonce = Array(verifier.nonces.make(now: now))
        nonce[nonce.count - 1] = nonce[nonce.count - 1] == "0" ? "1" : "0"
        let result = verifier.verify(try answer(nonce: String(nonce)), method: "REGISTER", record: try record(), now: now)
        #expect(result == .failed("nonce not issued by this server"))
    }

    @Test func pinnedAlgorithmIsTheOnlyOneOfferedAndAccepted() throws {
        let verifier = makeVerifier()
        let pinned = try record(pinned: "MD5")
        let challenges = verifier.challenges(for: pinned, stale: false, now: now)
        #expect(challenges.count == 1)
        #expect(challenges[0].contains("algorithm=MD5"))
        let nonce = verifier.nonces.make(now: now)
        #expect(verifier.verify(try answer(nonce: nonce, algorithm: .md5), method: "REGISTER", record: pinned, now: now) == .authenticated)
        guard case .failed = verifier.verify(try answer(nonce: nonce, algorithm: .sha256, nc: "00000002"), method: "REGISTER", record: pinned, now: now) else {
            Issue.record("SHA-256 accepted for an MD5-pinned extension")
            return
        }
    }

    @Test func knownSingleChallengeAgentsGetMD5Alone() {
        let verifier = makeVerifier()
        #expect(verifier.challenges(for: nil, stale: false, userAgent: "baresip v1.0.0 (x86_64/linux)", now: now).count == 1)
        #expect(verifier.challenges(for: nil, stale: false, userAgent: "Yealink SIP-T46S", now: now).count == 2)
    }

    @Test func challengeOffersBothAlgorithmsInTheConfiguredOrderWithQop() {
        var verifier = makeVerifier()
        let challenges = verifier.challenges(for: nil, stale: true, now: now)
        #expect(challenges[0].hasPrefix(#"Digest realm="switchboard.local", nonce=""#))
        #expect(challenges[0].contains("algorithm=MD5"))
        #expect(challenges[1].contains("algorithm=SHA-256"))
        verifier.algorithms = [.sha256, .md5]
        #expect(verifier.challenges(for: nil, stale: false, now: now)[0].contains("algorithm=SHA-256"))
        #expect(challenges.allSatisfy { $0.contains(#"qop="auth""#) && $0.hasSuffix("stale=true") })
    }
}
