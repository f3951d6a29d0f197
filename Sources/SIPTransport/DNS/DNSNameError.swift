// SPDX-License-Identifier: Apache-2.0

/// Why text could not be read as a domain name.
public enum DNSNameError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Two dots in a row, or a leading dot.
    case emptyLabel
    /// A label longer than 63 octets.
    case labelTooLong(Int)
    /// A name longer than 255 octets on the wire.
    case nameTooLong(Int)

    public var description: String {
        switch self {
        case .emptyLabel: return "empty label in domain name"
        case .labelTooLong(let length): return "domain name label of \(length) octets (at most 63)"
        case .nameTooLong(let length): return "domain name of \(length) octets (at most 255)"
        }
    }
}
