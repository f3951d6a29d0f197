// SPDX-License-Identifier: Apache-2.0

/// Why the media relay could not start or could not give a call its ports.
public enum MediaRelayError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The bind host is not an IPv4 or IPv6 address.
    case invalidBindAddress(String)
    /// The range lies outside 1...65535 or holds fewer than the two port pairs one call needs.
    case invalidPortRange(ClosedRange<Int>)
    /// Every port pair of the range is in use: the call should be refused with 503.
    case portsExhausted(ClosedRange<Int>)
    /// A port could not be bound for a reason other than being in use (e.g. the address is not local).
    case bindFailed(host: String, port: Int, reason: String)
    /// The relay is shutting down and takes no new calls.
    case shutDown

    /// The SIP status to answer an INVITE with when this error refuses it.
    public var statusCode: Int {
        switch self {
        case .portsExhausted, .shutDown: return 503
        case .invalidBindAddress, .invalidPortRange, .bindFailed: return 500
        }
    }

    /// One line naming the problem.
    public var description: String {
        switch self {
        case .invalidBindAddress(let host):
            return "media address '\(host)' is not an IP address"
        case .invalidPortRange(let range):
            return "RTP port range \(range.lowerBound)-\(range.upperBound) must lie in 1-65535 and hold at least "
                + "two even/odd port pairs"
        case .portsExhausted(let range):
            return "no free RTP port pair left in \(range.lowerBound)-\(range.upperBound)"
        case .bindFailed(let host, let port, let reason):
            return "cannot bind media port \(host):\(port): \(reason)"
        case .shutDown:
            return "the media relay is shutting down"
        }
    }
}
