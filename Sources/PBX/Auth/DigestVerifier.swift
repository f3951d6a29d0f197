// SPDX-License-Identifier: Apache-2.0
import Foundation
import SIP
import Store

/// The parameters of a `Digest` Authorization header that verification needs (RFC 7616 §3.4).
struct DigestResponseFields: Sendable, Hashable {
    var username: String
    var realm: String
    var nonce: String
    var uri: String
    var response: String
    var algorithm: String?
    var cnonce: String?
    var qop: String?
    var nc: String?
}

/// Checks digest credentials against an extension's stored HA1 hashes and makes challenges
/// (RFC 3261 §22, RFC 7616, RFC 8760). An unknown user and a wrong password get the same
/// answer, so a scanner learns nothing.
struct DigestVerifier: Sendable {
    enum Verdict: Equatable {
        case authenticated
        /// The password was right but the nonce is old: challenge again with `stale=true`.
        case stale
        /// The nonce-count did not grow: challenge again, not counted as a failure.
        case replayed
        /// Wrong user, password, realm, nonce or algorithm: counted toward a ban.
        case failed(String)
    }

    let realm: String
    let nonces: NonceFactory
    let nonceCounts: NonceCountTracker
    /// The algorithms challenged with, in the order offered. Many user agents (SIPp, older
    /// desk phones) answer only the first challenge, so MD5 leads by default; `serve
    /// --digest-algorithms` changes the order.
    var algorithms: [DigestAlgorithm] = [.md5, .sha256]
    /// User-Agent prefixes of phones that give up when any challenge names an algorithm they do
    /// not know, even beside one they do (baresip 1.x); they are challenged with MD5 alone.
    var md5OnlyUserAgents: [String] = ["baresip v0.", "baresip v1."]

    /// Verifies `fields` sent with a request of `method` for `record` (nil: no such extension).
    func verify(_ fields: DigestResponseFields, method: String, record: ExtensionRecord?, now: Date = Date()) -> Verdict {
        guard fields.realm == realm else { return .failed("realm '\(fields.realm)' is not '\(realm)'") }
        let validity = nonces.validate(fields.nonce, now: now)
        guard validity != .invalid else { return .failed("nonce not issued by this server") }
        guard let parameter = DigestAlgorithmParameter(token: fields.algorithm ?? "MD5") else {
            return .failed("unsupported algorithm '\(fields.algorithm ?? "")'")
        }
        guard let record, record.realm == realm else { return .failed("no such extension, or its password was set for another realm") }
        if let pinned = record.pinnedAlgorithm, pinned.caseInsensitiveCompare(parameter.algorithm.token) != .orderedSame {
            return .failed("extension \(record.number) accepts only \(pinned)")
        }
        guard let expected = expectedResponse(fields, method: method, record: record, parameter: parameter),
            DigestHash.constantTimeEquals(expected, fields.response.lowercased())
        else { return .failed("wrong response") }
        if validity == .stale { return .stale }
        if fields.qop != nil {
            guard let nc = fields.nc, let count = UInt64(nc, radix: 16),
                nonceCounts.accept(nonce: fields.nonce, count: count, now: now)
            else { return .replayed }
        }
        return .authenticated
    }

    /// `WWW-Authenticate` / `Proxy-Authenticate` values in the configured order (RFC 8760 §2.4),
    /// all with one fresh nonce; only the pinned algorithm for an extension that has one, and
    /// MD5 alone for user agents known to fail on several challenges.
    func challenges(for record: ExtensionRecord?, stale: Bool, userAgent: String? = nil, now: Date = Date()) -> [String] {
        let nonce = nonces.make(now: now)
        let wantsMD5Only = userAgent.map { agent in md5OnlyUserAgents.contains { agent.lowercased().hasPrefix($0.lowercased()) } } ?? false
        let offered: [DigestAlgorithm] =
            record?.pinnedAlgorithm.flatMap { DigestAlgorithm(token: $0) }.map { [$0] }
            ?? (wantsMD5Only && algorithms.contains(.md5) ? [.md5] : algorithms)
        return offered.map { algorithm in
            #"Digest realm="\#(realm)", nonce="\#(nonce)", algorithm=\#(algorithm.token), qop="auth""#
                + (stale ? ", stale=true" : "")
        }
    }

    private func expectedResponse(
        _ fields: DigestResponseFields, method: String, record: ExtensionRecord, parameter: DigestAlgorithmParameter
    ) -> String? {
        let algorithm = parameter.algorithm
        let storedHA1: String
        switch algorithm {
        case .md5: storedHA1 = record.ha1MD5
        case .sha256: storedHA1 = record.ha1SHA256
        case .sha512_256: storedHA1 = record.ha1SHA512_256
        }
        do {
            let ha1 =
                parameter.isSession
                ? try DigestHash.sessionHA1(ha1: storedHA1, nonce: fields.nonce, cnonce: fields.cnonce ?? "", algorithm: algorithm)
                : storedHA1
            let ha2 = try DigestHash.ha2(method: method, uri: fields.uri, algorithm: algorithm)
            return try DigestHash.response(
                ha1: ha1, nonce: fields.nonce, nc: fields.nc, cnonce: fields.cnonce, qop: fields.qop, ha2: ha2,
                algorithm: algorithm)
        } catch {
            return nil
        }
    }
}
