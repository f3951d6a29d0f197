// SPDX-License-Identifier: Apache-2.0

/// Why a query got no answer. A negative answer (NXDOMAIN, NODATA) is not an error: it is a
/// `DNSAnswer`.
public enum DNSResolverError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The resolver has no nameserver to ask.
    case noNameservers
    /// The name asked for is not a valid domain name.
    case invalidName(String, DNSNameError)
    /// No nameserver answered within the timeout, on any attempt.
    case timedOut(name: DNSName, type: DNSRecordType)
    /// The last nameserver asked answered with an error code (SERVFAIL, REFUSED, ...).
    case serverFailure(name: DNSName, type: DNSRecordType, DNSResponseCode)
    /// The last nameserver asked sent an answer that could not be decoded.
    case malformedResponse(name: DNSName, type: DNSRecordType, DNSDecodingError)
    /// The query could not be sent or the TCP connection failed.
    case unreachable(name: DNSName, type: DNSRecordType, reason: String)
    /// The name leads through more CNAME records than are followed.
    case tooManyAliases(name: DNSName)

    public var description: String {
        switch self {
        case .noNameservers:
            return "no DNS nameserver configured"
        case .invalidName(let text, let reason):
            return "cannot look up '\(text)': \(reason)"
        case .timedOut(let name, let type):
            return "DNS query \(name) \(type) timed out on every nameserver"
        case .serverFailure(let name, let type, let code):
            return "DNS query \(name) \(type) failed: \(code)"
        case .malformedResponse(let name, let type, let reason):
            return "DNS query \(name) \(type) got a malformed answer: \(reason)"
        case .unreachable(let name, let type, let reason):
            return "DNS query \(name) \(type) could not reach a nameserver: \(reason)"
        case .tooManyAliases(let name):
            return "DNS name \(name) leads through too many CNAME records"
        }
    }
}
