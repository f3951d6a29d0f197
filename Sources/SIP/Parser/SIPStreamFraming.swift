// SPDX-License-Identifier: Apache-2.0

import NIOCore

/// Finds message boundaries in a TCP/TLS byte stream (RFC 3261 §18.3): headers up to the empty
/// line, then exactly Content-Length body bytes. Pure function of the bytes received so far.
public enum SIPStreamFraming {
    /// What the bytes at the start of the buffer are.
    public enum Outcome: Equatable, Sendable {
        /// Not enough bytes to decide.
        case needMoreData
        /// A keep-alive: CRLFCRLF ping (4) or CRLF pong (2) (RFC 5626 §3.5.1), or a stray LF (1).
        case keepAlive(length: Int)
        /// A complete message of this many bytes.
        case message(length: Int)
        /// The stream is broken and the connection should be closed.
        case error(SIPParseError)
    }

    /// Looks at the readable bytes of `buffer` without consuming them.
    public static func frame(_ buffer: ByteBuffer, limits: SIPParserLimits = .default) -> Outcome {
        buffer.withUnsafeReadableBytes { bytes in
            if let first = bytes.first, first == ASCII.cr || first == ASCII.lf {
                return keepAlive(bytes)
            }
            guard let headerEnd = emptyLineEnd(bytes, limit: limits.maxHeaderBytes) else {
                return bytes.count > limits.maxHeaderBytes ? .error(SIPParseError(.messageTooLarge)) : .needMoreData
            }
            return frameMessage(UnsafeRawBufferPointer(rebasing: bytes[0..<headerEnd]), available: bytes.count, limits: limits)
        }
    }

    private static func keepAlive(_ bytes: UnsafeRawBufferPointer) -> Outcome {
        if bytes[0] == ASCII.lf { return .keepAlive(length: 1) }
        guard bytes.count >= 2 else { return .needMoreData }
        guard bytes[1] == ASCII.lf else { return .error(SIPParseError(.malformedStartLine)) }
        // Wait for the second CRLF of a ping before deciding it is a pong.
        if bytes.count == 2 || (bytes.count == 3 && bytes[2] == ASCII.cr) { return .needMoreData }
        if bytes.count >= 4, bytes[2] == ASCII.cr, bytes[3] == ASCII.lf { return .keepAlive(length: 4) }
        return .keepAlive(length: 2)
    }

    /// The offset just past the empty line that ends the headers (CRLFCRLF or LFLF).
    private static func emptyLineEnd(_ bytes: UnsafeRawBufferPointer, limit: Int) -> Int? {
        var index = 0
        let end = min(bytes.count, limit)
        while index < end {
            if bytes[index] == ASCII.lf {
                if index + 1 < bytes.count, bytes[index + 1] == ASCII.lf { return index + 2 }
                if index + 2 < bytes.count, bytes[index + 1] == ASCII.cr, bytes[index + 2] == ASCII.lf { return index + 3 }
            }
            index += 1
        }
        return nil
    }

    private static func frameMessage(_ head: UnsafeRawBufferPointer, available: Int, limits: SIPParserLimits) -> Outcome {
        var scanner = SIPMessageScanner(bytes: head, limits: limits)
        let result: SIPMessageScanner.Result
        do throws(SIPMessageScanner.Failure) {
            result = try scanner.scan()
        } catch {
            return .error(SIPParseError(error.kind))
        }
        var length: Int?
        for entry in result.entries where entry.name == .contentLength {
            guard case .raw(_, let range) = entry.storage,
                let parsed = ASCII.parseDecimal(UnsafeRawBufferPointer(rebasing: head[range]), limit: UInt64(Int32.max))
            else { return .error(SIPParseError(.malformedContentLength)) }
            if let length, length != Int(parsed) { return .error(SIPParseError(.contentLengthMismatch)) }
            length = Int(parsed)
        }
        guard let length else { return .error(SIPParseError(.missingContentLengthOnStream)) }
        let total = result.bodyStart + length
        guard total <= limits.maxMessageSize else { return .error(SIPParseError(.messageTooLarge)) }
        return available >= total ? .message(length: total) : .needMoreData
    }
}
