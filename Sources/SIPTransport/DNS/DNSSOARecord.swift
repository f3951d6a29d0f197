// SPDX-License-Identifier: Apache-2.0

/// The fields of an SOA record (RFC 1035 §3.3.13); `minimum` bounds negative caching (RFC 2308 §5).
public struct DNSSOARecord: Sendable, Hashable {
    /// The primary name server of the zone.
    public var primaryServer: DNSName
    /// The mailbox of the person responsible, as a name.
    public var responsibleMailbox: DNSName
    /// The zone's serial number.
    public var serial: UInt32
    /// Seconds between refreshes of a secondary.
    public var refresh: UInt32
    /// Seconds before a failed refresh is retried.
    public var retry: UInt32
    /// Seconds after which a secondary stops answering.
    public var expire: UInt32
    /// The TTL of negative answers from the zone (RFC 2308 §4).
    public var minimum: UInt32
}
