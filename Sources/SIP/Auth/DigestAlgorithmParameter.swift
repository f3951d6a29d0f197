// SPDX-License-Identifier: Apache-2.0

/// The value of a digest `algorithm=` parameter: a hash function, optionally in its "-sess" form.
///
/// RFC 7616 §3.4.2: with a "-sess" algorithm, HA1 is computed once per session as
/// `H(H(username:realm:password):nonce:cnonce)`.
public struct DigestAlgorithmParameter: Sendable, Hashable, CustomStringConvertible {
    /// The hash function.
    public var algorithm: DigestAlgorithm
    /// `true` for the "-sess" variant (e.g. `MD5-sess`).
    public var isSession: Bool

    /// Creates a parameter value from its parts.
    public init(algorithm: DigestAlgorithm, isSession: Bool = false) {
        self.algorithm = algorithm
        self.isSession = isSession
    }

    /// Reads `MD5`, `SHA-256`, `SHA-512-256` or one of them followed by `-sess`, in any ASCII case.
    /// Returns `nil` for any other name.
    public init?(token: some StringProtocol) {
        let suffix = "-sess"
        let text = String(token)
        if text.count > suffix.count, text.lowercased().hasSuffix(suffix) {
            guard let algorithm = DigestAlgorithm(token: text.dropLast(suffix.count)) else { return nil }
            self.init(algorithm: algorithm, isSession: true)
        } else {
            guard let algorithm = DigestAlgorithm(token: text) else { return nil }
            self.init(algorithm: algorithm, isSession: false)
        }
    }

    /// The parameter value as sent on the wire, e.g. `SHA-256-sess`.
    public var token: String { isSession ? algorithm.token + "-sess" : algorithm.token }

    /// Same as ``token``.
    public var description: String { token }
}
