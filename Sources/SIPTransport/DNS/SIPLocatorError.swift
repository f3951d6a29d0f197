// SPDX-License-Identifier: Apache-2.0

/// Why no server could be located. DNS failures (timeouts, no nameserver) are reported as
/// `DNSResolverError`.
public enum SIPLocatorError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The host is neither an IP address nor a valid domain name.
    case invalidHost(String, DNSNameError)
    /// The port is outside 1...65535.
    case invalidPort(Int)
    /// DNS answered, but no NAPTR, SRV, A or AAAA record leads to an address.
    case notFound(host: String)

    public var description: String {
        switch self {
        case .invalidHost(let host, let reason):
            return "invalid SIP server host '\(host)': \(reason)"
        case .invalidPort(let port):
            return "invalid SIP server port \(port)"
        case .notFound(let host):
            return "no SIP server found for \(host): no NAPTR, SRV, A or AAAA record leads to an address"
        }
    }
}
