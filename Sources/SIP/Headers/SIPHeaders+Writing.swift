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
                SIPHeaders.writeSingleLine(text, into: &buffer)
            }
            buffer.writeStaticString("\r\n")
        }
    }

    /// Writes added text with CR and LF turned into spaces, so that a value can never end its
    /// line early and smuggle in another header.
    private static func writeSingleLine(_ text: String, into buffer: inout ByteBuffer) {
        guard text.utf8.contains(where: { $0 == ASCII.cr || $0 == ASCII.lf }) else {
            buffer.writeString(text)
            return
        }
        for byte in text.utf8 { buffer.writeInteger(byte == ASCII.cr || byte == ASCII.lf ? ASCII.space : byte) }
    }
}
