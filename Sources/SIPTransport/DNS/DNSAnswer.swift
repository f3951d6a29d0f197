// SPDX-License-Identifier: Apache-2.0

/// What a query found out about a name and type.
public enum DNSAnswer: Sendable, Hashable {
    /// Records of the type asked for, owned by the name or the canonical name it aliases.
    case records([DNSResourceRecord])
    /// NODATA: the name exists but has no records of this type (RFC 2308 §2.2).
    case noRecords
    /// NXDOMAIN: the name does not exist (RFC 2308 §2.1).
    case nameDoesNotExist

    /// The records found; empty for a negative answer.
    public var records: [DNSResourceRecord] {
        if case .records(let records) = self { return records }
        return []
    }
}
