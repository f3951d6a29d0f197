// SPDX-License-Identifier: Apache-2.0

/// The RDATA of a record, decoded for the types RFC 3263 location needs.
public enum DNSRecordData: Sendable, Hashable {
    /// An IPv4 address: exactly 4 octets in network order (RFC 1035 §3.4.1).
    case a([UInt8])
    /// An IPv6 address: exactly 16 octets in network order (RFC 3596 §2.2).
    case aaaa([UInt8])
    /// The canonical name an alias stands for (RFC 1035 §3.3.1).
    case cname(DNSName)
    /// A zone's start of authority (RFC 1035 §3.3.13).
    case soa(DNSSOARecord)
    /// A service location (RFC 2782).
    case srv(DNSSRVRecord)
    /// A naming authority pointer (RFC 3403 §4.1).
    case naptr(DNSNAPTRRecord)
    /// Any other type, kept as raw octets.
    case other(type: DNSRecordType, data: [UInt8])

    /// The TYPE this data belongs to.
    public var type: DNSRecordType {
        switch self {
        case .a: return .a
        case .aaaa: return .aaaa
        case .cname: return .cname
        case .soa: return .soa
        case .srv: return .srv
        case .naptr: return .naptr
        case .other(let type, _): return type
        }
    }
}
