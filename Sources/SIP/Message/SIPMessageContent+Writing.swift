// SPDX-License-Identifier: Apache-2.0

import NIOCore

extension SIPMessageContent {
    /// Writes the headers, `Content-Length` computed from the body (always correct on output),
    /// the empty line and the body.
    func writeHeadersAndBody(into buffer: inout ByteBuffer) {
        headers.write(into: &buffer)
        buffer.writeStaticString("Content-Length: ")
        buffer.writeString(String(body.readableBytes))
        buffer.writeStaticString("\r\n\r\n")
        var bodyCopy = body
        buffer.writeBuffer(&bodyCopy)
    }

    /// The message in wire format, in a new buffer.
    public var serialized: ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(headers.source.readableBytes + body.readableBytes + 64)
        write(into: &buffer)
        return buffer
    }
}
