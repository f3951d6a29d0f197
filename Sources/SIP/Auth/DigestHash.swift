// SPDX-License-Identifier: Apache-2.0

/// The hash computations of SIP digest authentication (RFC 7616 §3.4, RFC 2617 §3.2.2, RFC 8760).
///
/// Every value is lower-case hexadecimal, as the `response=` parameter carries it.
public enum DigestHash {
    /// `H(username:realm:password)`, the HA1 that a server stores instead of the password
    /// (RFC 7616 §3.4.2).
    public static func ha1(
        username: String,
        realm: String,
        password: String,
        algorithm: DigestAlgorithm
    ) throws(DigestHashError) -> String {
        try hexDigest(of: "\(username):\(realm):\(password)", algorithm: algorithm)
    }

    /// The session HA1 of a "-sess" algorithm: `H(HA1:nonce:cnonce)` (RFC 7616 §3.4.2).
    public static func sessionHA1(
        ha1: String,
        nonce: String,
        cnonce: String,
        algorithm: DigestAlgorithm
    ) throws(DigestHashError) -> String {
        try hexDigest(of: "\(ha1):\(nonce):\(cnonce)", algorithm: algorithm)
    }

    /// `H(method:digest-uri)`, the HA2 for qop "auth" or no qop (RFC 7616 §3.4.3).
    public static func ha2(method: String, uri: String, algorithm: DigestAlgorithm) throws(DigestHashError) -> String {
        try hexDigest(of: "\(method):\(uri)", algorithm: algorithm)
    }

    /// The expected `response=` value.
    ///
    /// With a qop (RFC 7616 §3.4.1): `H(HA1:nonce:nc:cnonce:qop:HA2)`.
    /// Without one, for RFC 2069 clients that RFC 2617 §3.2.2.1 keeps working: `H(HA1:nonce:HA2)`;
    /// `nc` and `cnonce` are then ignored.
    public static func response(
        ha1: String,
        nonce: String,
        nc: String?,
        cnonce: String?,
        qop: String?,
        ha2: String,
        algorithm: DigestAlgorithm
    ) throws(DigestHashError) -> String {
        guard let qop else {
            return try hexDigest(of: "\(ha1):\(nonce):\(ha2)", algorithm: algorithm)
        }
        return try hexDigest(of: "\(ha1):\(nonce):\(nc ?? ""):\(cnonce ?? ""):\(qop):\(ha2)", algorithm: algorithm)
    }

    /// The lower-case hex digest of the UTF-8 bytes of `text`.
    public static func hexDigest(of text: String, algorithm: DigestAlgorithm) throws(DigestHashError) -> String {
        hex(try digest(of: Array(text.utf8), algorithm: algorithm))
    }

    /// Lower-case hexadecimal of `bytes`.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Compares two byte strings in time that depends only on their lengths, so that a
    /// response check does not reveal how many leading bytes an attacker guessed.
    public static func constantTimeEquals(_ lhs: some Collection<UInt8>, _ rhs: some Collection<UInt8>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for (left, right) in zip(lhs, rhs) {
            difference |= left ^ right
        }
        return difference == 0
    }

    /// Compares two strings (e.g. hex responses) byte for byte in constant time; see the byte form.
    public static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        constantTimeEquals(Array(lhs.utf8), Array(rhs.utf8))
    }
}
