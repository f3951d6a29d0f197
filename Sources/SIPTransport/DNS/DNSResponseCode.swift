// SPDX-License-Identifier: Apache-2.0

/// The RCODE of a response (RFC 1035 §4.1.1).
public struct DNSResponseCode: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The 4-bit RCODE value.
    public var rawValue: UInt8

    /// Wraps an RCODE value.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// No error condition.
    public static let noError = DNSResponseCode(rawValue: 0)
    /// The server could not interpret the query.
    public static let formatError = DNSResponseCode(rawValue: 1)
    /// The server failed to process the query.
    public static let serverFailure = DNSResponseCode(rawValue: 2)
    /// NXDOMAIN: the name does not exist (a negative answer, RFC 2308).
    public static let nameError = DNSResponseCode(rawValue: 3)
    /// The server does not support this kind of query (RCODE 4).
    public static let unsupportedQuery = DNSResponseCode(rawValue: 4)
    /// The server refuses to answer, e.g. recursion not offered to us.
    public static let refused = DNSResponseCode(rawValue: 5)

    public var description: String {
        switch self {
        case .noError: return "NOERROR"
        case .formatError: return "FORMERR"
        case .serverFailure: return "SERVFAIL"
        case .nameError: return "NXDOMAIN"
        case .unsupportedQuery: return "unsupported query (RCODE 4)"
        case .refused: return "REFUSED"
        default: return "RCODE\(rawValue)"
        }
    }
}
