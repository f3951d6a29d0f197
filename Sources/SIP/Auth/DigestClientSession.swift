// SPDX-License-Identifier: Apache-2.0

/// The client side of digest authentication for one challenge (RFC 3261 §22.2, RFC 7616 §3.4,
/// RFC 8760): answers requests with Authorization or Proxy-Authorization credentials, counting
/// `nc` up on every request that reuses the challenge's nonce.
///
/// A value: keep it while the nonce is accepted, and make a new one from the next challenge
/// (a new nonce, or `stale=true`), which starts counting at 1 again.
public struct DigestClientSession: Sendable, Hashable {
    /// The realm of the challenge.
    public let realm: String
    /// The server's nonce.
    public let nonce: String
    /// The server's opaque value, returned unchanged.
    public let opaque: String?
    /// The algorithm named by the challenge (MD5 when it names none).
    public let algorithm: DigestAlgorithmParameter
    /// `auth` when the challenge offers it; nil for an RFC 2069 challenge without `qop`.
    public let qop: String?
    /// Whether the challenge wrote `algorithm=` (a response repeats it only then).
    private let namesAlgorithm: Bool
    /// Requests answered with this nonce so far.
    public private(set) var nonceCount: UInt32 = 0

    /// Reads a WWW-Authenticate or Proxy-Authenticate challenge. With `expectedRealm`, a
    /// challenge for another realm is refused rather than answered with these credentials.
    public init(challenge: AuthChallenge, expectedRealm: String? = nil) throws(DigestClientError) {
        guard challenge.scheme.lowercased() == "digest" else { throw .unsupportedScheme(challenge.scheme) }
        guard let realm = challenge.realm else { throw .missingParameter("realm") }
        guard let nonce = challenge.nonce else { throw .missingParameter("nonce") }
        if let expectedRealm, expectedRealm != realm { throw .realmMismatch(expected: expectedRealm, found: realm) }
        if let name = challenge.algorithm {
            guard let algorithm = DigestAlgorithmParameter(token: name) else { throw .unsupportedAlgorithm(name) }
            self.algorithm = algorithm
        } else {
            self.algorithm = DigestAlgorithmParameter(algorithm: .md5)
        }
        if let offered = challenge.qop {
            // RFC 7616 §3.3: qop is a quoted list of options; auth-int needs the body, which this
            // client does not hash.
            let options = offered.utf8.split(separator: UInt8(ascii: ",")).map {
                String(decoding: $0.trimmingLinearWhitespace(), as: UTF8.self).lowercased()
            }
            guard options.contains("auth") else { throw .unsupportedQop(offered) }
            self.qop = "auth"
        } else {
            self.qop = nil
        }
        self.realm = realm
        self.nonce = nonce
        self.opaque = challenge.opaque
        self.namesAlgorithm = challenge.algorithm != nil
    }

    /// The credentials for one request: `response` over `method` and `uri` (the Request-URI,
    /// RFC 3261 §22.4), the next `nc`, and `cnonce` (a fresh random one when nil).
    public mutating func credentials(
        username: String,
        password: String,
        method: String,
        uri: String,
        cnonce: String? = nil
    ) throws(DigestClientError) -> AuthCredentials {
        nonceCount &+= 1
        let count = Self.hex8(nonceCount)
        let hash = algorithm.algorithm
        do throws(DigestHashError) {
            var clientNonce = cnonce
            if qop == nil {
                clientNonce = nil
            } else if clientNonce == nil {
                // RFC 7616 §3.4: the cnonce must be unpredictable, so it comes from the secure generator.
                clientNonce = DigestHash.hex(try DigestHash.randomBytes(count: 16))
            }
            var ha1 = try DigestHash.ha1(username: username, realm: realm, password: password, algorithm: hash)
            if algorithm.isSession {
                ha1 = try DigestHash.sessionHA1(ha1: ha1, nonce: nonce, cnonce: clientNonce ?? "", algorithm: hash)
            }
            let ha2 = try DigestHash.ha2(method: method, uri: uri, algorithm: hash)
            let response = try DigestHash.response(
                ha1: ha1, nonce: nonce, nc: count, cnonce: clientNonce, qop: qop, ha2: ha2, algorithm: hash)
            return AuthCredentials(
                parameters: parameters(username: username, uri: uri, nc: count, cnonce: clientNonce, response: response)
            )
        } catch {
            throw .hash(error)
        }
    }

    /// The parameters in RFC 7616 §3.9.1's order; quoted-strings and tokens as RFC 3261 §25.1 has them.
    private func parameters(username: String, uri: String, nc: String, cnonce: String?, response: String)
        -> [AuthParameter]
    {
        var list = [
            AuthParameter(name: "username", value: username, isQuoted: true),
            AuthParameter(name: "realm", value: realm, isQuoted: true),
            AuthParameter(name: "uri", value: uri, isQuoted: true),
        ]
        if namesAlgorithm { list.append(AuthParameter(name: "algorithm", value: algorithm.token, isQuoted: false)) }
        list.append(AuthParameter(name: "nonce", value: nonce, isQuoted: true))
        if let qop, let cnonce {
            list.append(AuthParameter(name: "nc", value: nc, isQuoted: false))
            list.append(AuthParameter(name: "cnonce", value: cnonce, isQuoted: true))
            list.append(AuthParameter(name: "qop", value: qop, isQuoted: false))
        }
        list.append(AuthParameter(name: "response", value: response, isQuoted: true))
        if let opaque { list.append(AuthParameter(name: "opaque", value: opaque, isQuoted: true)) }
        return list
    }

    /// `nc` as eight lower-case hex digits (RFC 7616 §3.4: nc-value = 8LHEX).
    static func hex8(_ value: UInt32) -> String {
        let digits = Array("0123456789abcdef".utf8)
        let bytes = (0..<8).reversed().map { digits[Int((value >> (UInt32($0) * 4)) & 0xf)] }
        return String(decoding: bytes, as: UTF8.self)
    }
}
