// SPDX-License-Identifier: Apache-2.0

/// A digest hash function that SIP digest authentication may name in `algorithm=`.
///
/// RFC 7616 §6.1 registers "MD5", "SHA-256" and "SHA-512-256"; RFC 8760 brings the latter two to SIP.
public enum DigestAlgorithm: String, CaseIterable, Sendable, Hashable {
    /// MD5, the RFC 2617 default that older phones still require.
    case md5 = "MD5"
    /// SHA-256 (RFC 7616 §3.2, RFC 8760 §2.1).
    case sha256 = "SHA-256"
    /// SHA-512/256, SHA-512 truncated to 256 bits (RFC 7616 §3.2, RFC 8760 §2.1).
    case sha512_256 = "SHA-512-256"

    /// The name as written in the `algorithm=` parameter, e.g. `SHA-256`.
    public var token: String { rawValue }

    /// Reads an algorithm name, ignoring ASCII case (RFC 7616 §3.3: tokens compare case-insensitively).
    public init?(token: some StringProtocol) {
        let upper = token.uppercased()
        guard let match = DigestAlgorithm.allCases.first(where: { $0.rawValue == upper }) else { return nil }
        self = match
    }

    /// The length in bytes of a raw digest of this algorithm.
    public var digestLength: Int {
        switch self {
        case .md5: return 16
        case .sha256, .sha512_256: return 32
        }
    }
}
