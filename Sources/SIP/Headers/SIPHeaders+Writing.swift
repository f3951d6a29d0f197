// SPDX-License-Identifier: Apache-2.0

import NIOCore

extension SIPHeaders {
    /// Writes every line except Content-Length (the message writes the true length itself).
    /// Received lines are copied byte for byte from the received buffer.
    public func write(into buffer: inout ByteBuffer) {
        for entry in entries where entry.name != .contentLength {
            switch entry.storage {
            case .raw(let line, _):
                var slice = source.getSlice(at: source.readerIndex + line.lowerBound, length: line.count)
                    ?? ByteBuffer()
                buffer.writeBuffer(&slice)
            case .text(let text):
                buffer.writeString(entry.name.canonicalName)
                buffer.writeStaticString(": ")
                buffer.writeString(text)
            }
            buffer.writeStaticString("\r\n")
        }
    }
}
