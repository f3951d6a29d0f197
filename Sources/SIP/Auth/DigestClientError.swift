// SPDX-License-Identifier: Apache-2.0

/// Why a digest challenge cannot be answered.
public enum DigestClientError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The challenge is not `Digest` (e.g. `Basic`, which SIP forbids: RFC 3261 §22.1).
    case unsupportedScheme(String)
    /// A parameter every digest challenge must carry is missing (`realm`, `nonce`).
    case missingParameter(String)
    /// The `algorithm=` is not MD5, SHA-256 or SHA-512-256 (or their "-sess" forms).
    case unsupportedAlgorithm(String)
    /// The `qop=` offers no option this client implements (only `auth` is, RFC 7616 §3.3).
    case unsupportedQop(String)
    /// The challenge is for another realm than the one configured.
    case realmMismatch(expected: String, found: String)
    /// The crypto library failed.
    case hash(DigestHashError)

    /// One line naming the problem.
    public var description: String {
        switch self {
        case .unsupportedScheme(let scheme): return "challenge scheme '\(scheme)' is not Digest"
        case .missingParameter(let name): return "digest challenge has no '\(name)'"
        case .unsupportedAlgorithm(let name): return "digest algorithm '\(name)' is not supported"
        case .unsupportedQop(let qop): return "digest qop '\(qop)' offers nothing supported (only 'auth')"
        case .realmMismatch(let expected, let found):
            return "challenge realm '\(found)' is not the configured '\(expected)'"
        case .hash(let error): return error.description
        }
    }
}
