// SPDX-License-Identifier: Apache-2.0

/// The fields of a NAPTR record (RFC 3403 §4.1).
public struct DNSNAPTRRecord: Sendable, Hashable {
    /// Records with lower order are processed first.
    public var order: UInt16
    /// Among records of the same order, lower preference first.
    public var preference: UInt16
    /// Flags such as "s" (the replacement names an SRV record), as sent.
    public var flags: String
    /// The service field, e.g. "SIP+D2U" (RFC 3263 §4.1).
    public var services: String
    /// The substitution expression; unused by SIP, whose records carry a replacement.
    public var regexp: String
    /// The next name to look up.
    public var replacement: DNSName

    /// Builds a NAPTR record's data.
    public init(
        order: UInt16,
        preference: UInt16,
        flags: String,
        services: String,
        regexp: String,
        replacement: DNSName
    ) {
        self.order = order
        self.preference = preference
        self.flags = flags
        self.services = services
        self.regexp = regexp
        self.replacement = replacement
    }
}
