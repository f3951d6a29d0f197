// SPDX-License-Identifier: Apache-2.0
import NIOCore

/// The header of an RTP packet (RFC 3550 §5.1), read from a received buffer without copying it.
///
/// Parsing reads only the header fields; the payload stays in the buffer, located by ``payloadRange``.
public struct RTPHeader: Hashable, Sendable {
    /// The only RTP version in use (RFC 3550 §5.1: "V=2").
    public static let supportedVersion: UInt8 = 2
    /// Length of the fixed part of the header, before any CSRC identifiers.
    public static let fixedLength = 12

    /// The marker bit; for audio, the first packet of a talkspurt (RFC 3551 §4.1) or of an event (RFC 4733 §2.5.1.3).
    public var marker: Bool
    /// The payload type (7 bits), as mapped by the session's `a=rtpmap` lines.
    public var payloadType: UInt8
    /// The sequence number; wraps at 2^16.
    public var sequenceNumber: UInt16
    /// The media timestamp, in the payload format's clock rate.
    public var timestamp: UInt32
    /// The synchronization source identifier.
    public var ssrc: UInt32
    /// The contributing source identifiers (RFC 3550 §5.1: at most 15).
    public var csrcCount: Int
    /// Whether a header extension follows the CSRC list (RFC 3550 §5.3.1).
    public var hasExtension: Bool
    /// Bytes before the payload: fixed header, CSRC list and header extension.
    public var headerLength: Int
    /// Padding bytes at the end of the packet, counting the length octet itself (RFC 3550 §5.1, P bit).
    public var paddingLength: Int
    /// Bytes of payload between the header and the padding.
    public var payloadLength: Int

    /// Where the payload lies, as offsets from the packet's reader index.
    public var payloadRange: Range<Int> { headerLength..<(headerLength + payloadLength) }

    /// Reads the header of the packet in `packet`'s readable bytes; the reader index is not moved.
    public init(parsing packet: ByteBuffer) throws(RTPHeaderError) {
        let start = packet.readerIndex
        let length = packet.readableBytes
        guard length >= Self.fixedLength, let first = packet.getInteger(at: start, as: UInt8.self),
            let second = packet.getInteger(at: start + 1, as: UInt8.self),
            let sequenceNumber = packet.getInteger(at: start + 2, as: UInt16.self),
            let timestamp = packet.getInteger(at: start + 4, as: UInt32.self),
            let ssrc = packet.getInteger(at: start + 8, as: UInt32.self)
        else {
            throw .truncated(length: length, needed: Self.fixedLength)
        }
        let version = first >> 6
        guard version == Self.supportedVersion else { throw .unsupportedVersion(version) }
        self.marker = second & 0x80 != 0
        self.payloadType = second & 0x7F
        self.sequenceNumber = sequenceNumber
        self.timestamp = timestamp
        self.ssrc = ssrc
        self.csrcCount = Int(first & 0x0F)
        self.hasExtension = first & 0x10 != 0
        self.headerLength = try Self.headerLength(of: packet, csrcCount: csrcCount, hasExtension: hasExtension)
        self.paddingLength = try Self.paddingLength(of: packet, hasPadding: first & 0x20 != 0, after: headerLength)
        self.payloadLength = length - headerLength - paddingLength
    }

    /// The fixed header, the CSRC list and, when present, the extension (RFC 3550 §5.3.1: a 4-byte
    /// profile/length word, then `length` 32-bit words).
    private static func headerLength(
        of packet: ByteBuffer,
        csrcCount: Int,
        hasExtension: Bool
    ) throws(RTPHeaderError) -> Int {
        let length = packet.readableBytes
        let withCSRCs = fixedLength + 4 * csrcCount
        guard hasExtension else {
            guard length >= withCSRCs else { throw .truncated(length: length, needed: withCSRCs) }
            return withCSRCs
        }
        guard length >= withCSRCs + 4,
            let words = packet.getInteger(at: packet.readerIndex + withCSRCs + 2, as: UInt16.self)
        else {
            throw .truncated(length: length, needed: withCSRCs + 4)
        }
        let withExtension = withCSRCs + 4 + 4 * Int(words)
        guard length >= withExtension else { throw .truncated(length: length, needed: withExtension) }
        return withExtension
    }

    /// RFC 3550 §5.1: with the P bit set, the last octet counts the padding, itself included.
    private static func paddingLength(
        of packet: ByteBuffer,
        hasPadding: Bool,
        after headerLength: Int
    ) throws(RTPHeaderError) -> Int {
        guard hasPadding else { return 0 }
        let available = packet.readableBytes - headerLength
        guard available > 0,
            let count = packet.getInteger(at: packet.readerIndex + packet.readableBytes - 1, as: UInt8.self)
        else {
            throw .invalidPadding(count: 0, available: available)
        }
        guard count > 0, Int(count) <= available else {
            throw .invalidPadding(count: Int(count), available: available)
        }
        return Int(count)
    }
}
