// SPDX-License-Identifier: Apache-2.0

/// One resource record of a response (RFC 1035 §3.2.1).
public struct DNSResourceRecord: Sendable, Hashable {
    /// The class every record this resolver asks for carries: IN, the Internet.
    public static let internetClass: UInt16 = 1

    /// The owner name.
    public var name: DNSName
    /// The CLASS value; `internetClass` for every record of interest here.
    public var recordClass: UInt16
    /// How long the record may be cached, in seconds.
    public var ttl: UInt32
    /// The decoded RDATA.
    public var data: DNSRecordData

    /// Builds a record.
    public init(name: DNSName, recordClass: UInt16 = Self.internetClass, ttl: UInt32, data: DNSRecordData) {
        self.name = name
        self.recordClass = recordClass
        self.ttl = ttl
        self.data = data
    }

    /// The record's TYPE.
    public var type: DNSRecordType { data.type }
}
