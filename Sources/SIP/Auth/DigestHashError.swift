// SPDX-License-Identifier: Apache-2.0

/// A failure of the system's cryptographic library while computing a digest.
public enum DigestHashError: Error, Sendable, Hashable, CustomStringConvertible {
    /// libcrypto refused to compute the named hash (for example MD5 disabled by a FIPS policy).
    case hashUnavailable(DigestAlgorithm)
    /// libcrypto could not compute an HMAC-SHA256.
    case hmacFailed
    /// libcrypto could not produce secure random bytes.
    case randomUnavailable

    /// One line naming the failure and what to check.
    public var description: String {
        switch self {
        case .hashUnavailable(let algorithm):
            return "the crypto library cannot compute \(algorithm.token); check the OpenSSL configuration"
        case .hmacFailed:
            return "the crypto library cannot compute HMAC-SHA256; check the OpenSSL configuration"
        case .randomUnavailable:
            return "the crypto library cannot produce secure random bytes; check the system entropy source"
        }
    }
}
