// SPDX-License-Identifier: Apache-2.0

/// Why bytes could not be read as an RTP header (RFC 3550 §5.1).
public enum RTPHeaderError: Error, Hashable, Sendable {
    /// The packet is shorter than its header says: `length` bytes where `needed` are required.
    case truncated(length: Int, needed: Int)
    /// The version field is not 2.
    case unsupportedVersion(UInt8)
    /// The padding count in the last octet is zero or larger than the bytes after the header.
    case invalidPadding(count: Int, available: Int)
}
