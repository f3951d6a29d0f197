// SPDX-License-Identifier: Apache-2.0

/// A resource record type (RFC 1035 §3.2.2), open to values this resolver does not decode.
public struct DNSRecordType: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The 16-bit TYPE value on the wire.
    public var rawValue: UInt16

    /// Wraps a TYPE value.
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// An IPv4 host address (RFC 1035 §3.4.1).
    public static let a = DNSRecordType(rawValue: 1)
    /// The canonical name of an alias (RFC 1035 §3.3.1).
    public static let cname = DNSRecordType(rawValue: 5)
    /// The start of a zone of authority (RFC 1035 §3.3.13); carries the negative-caching TTL.
    public static let soa = DNSRecordType(rawValue: 6)
    /// An IPv6 host address (RFC 3596 §2.1).
    public static let aaaa = DNSRecordType(rawValue: 28)
    /// A service location (RFC 2782).
    public static let srv = DNSRecordType(rawValue: 33)
    /// A naming authority pointer (RFC 3403 §4).
    public static let naptr = DNSRecordType(rawValue: 35)

    public var description: String {
        switch self {
        case .a: return "A"
        case .cname: return "CNAME"
        case .soa: return "SOA"
        case .aaaa: return "AAAA"
        case .srv: return "SRV"
        case .naptr: return "NAPTR"
        default: return "TYPE\(rawValue)"
        }
    }
}
