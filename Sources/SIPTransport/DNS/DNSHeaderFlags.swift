// SPDX-License-Identifier: Apache-2.0

/// The flags word of a message header (RFC 1035 §4.1.1).
struct DNSHeaderFlags: Sendable, Hashable {
    var rawValue: UInt16

    /// A standard query asking for recursion: QR=0, OPCODE=0, RD=1.
    static let recursiveQuery = DNSHeaderFlags(rawValue: 0x0100)

    /// QR: the message is a response.
    var isResponse: Bool { rawValue & 0x8000 != 0 }
    /// OPCODE: 0 for a standard query.
    var opcode: UInt8 { UInt8((rawValue >> 11) & 0x0F) }
    /// TC: the answer did not fit in the datagram; ask again over TCP (RFC 1035 §4.2.1).
    var isTruncated: Bool { rawValue & 0x0200 != 0 }
    /// RCODE.
    var responseCode: DNSResponseCode { DNSResponseCode(rawValue: UInt8(rawValue & 0x000F)) }
}
