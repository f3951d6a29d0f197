// SPDX-License-Identifier: Apache-2.0

/// Why a DNS packet could not be decoded; offsets count octets from the start of the packet.
public enum DNSDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The packet ends inside a field that starts at `offset`.
    case truncated(offset: Int)
    /// A compression pointer that does not point before the name it continues (RFC 1035 §4.1.4);
    /// following it could loop.
    case compressionPointerNotBackwards(offset: Int)
    /// A label length octet with the reserved top bits 01 or 10 (RFC 1035 §4.1.4, RFC 6891 §5).
    case reservedLabelType(UInt8, offset: Int)
    /// A name longer than 255 octets once its pointers are followed.
    case nameTooLong(offset: Int)
    /// A record whose RDLENGTH does not fit its TYPE (e.g. an A record that is not 4 octets).
    case badRecordLength(type: DNSRecordType, offset: Int)

    public var description: String {
        switch self {
        case .truncated(let offset):
            return "DNS packet truncated in the field at octet \(offset)"
        case .compressionPointerNotBackwards(let offset):
            return "DNS compression pointer at octet \(offset) does not point backwards"
        case .reservedLabelType(let octet, let offset):
            return "DNS label at octet \(offset) has reserved type bits (0x\(String(octet, radix: 16)))"
        case .nameTooLong(let offset):
            return "DNS name at octet \(offset) is longer than 255 octets"
        case .badRecordLength(let type, let offset):
            return "DNS \(type) record at octet \(offset) has a data length that does not fit its type"
        }
    }
}
