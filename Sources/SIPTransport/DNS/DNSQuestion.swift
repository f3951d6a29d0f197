// SPDX-License-Identifier: Apache-2.0

/// The question of a query (RFC 1035 §4.1.2); a response must repeat it to be accepted.
struct DNSQuestion: Sendable, Hashable {
    var name: DNSName
    var type: DNSRecordType
    var questionClass: UInt16 = DNSResourceRecord.internetClass
}
