// SPDX-License-Identifier: Apache-2.0
import NIOCore

extension SessionDescription: CustomStringConvertible {
    /// The description as text with CRLF line endings, lines in RFC 4566 §5 order.
    public func serialized() -> String {
        var writer = SDPWriter()
        writer.write(self)
        return writer.text
    }

    /// Appends the serialized description to `buffer` and returns the number of bytes written.
    @discardableResult
    public func write(to buffer: inout ByteBuffer) -> Int {
        buffer.writeString(serialized())
    }

    /// Same as ``serialized()``.
    public var description: String { serialized() }
}

/// Writes lines in the order RFC 4566 §5 prescribes.
private struct SDPWriter {
    private(set) var text = ""

    mutating func write(_ session: SessionDescription) {
        line("v", String(session.version))
        line("o", session.origin.sdpValue)
        line("s", session.sessionName)
        line("i", session.information)
        line("u", session.uri)
        session.emails.forEach { line("e", $0) }
        session.phones.forEach { line("p", $0) }
        line("c", session.connection?.sdpValue)
        session.bandwidths.forEach { line("b", $0.sdpValue) }
        for timing in session.timings {
            line("t", timing.sdpValue)
            timing.repeats.forEach { line("r", $0) }
        }
        line("z", session.timeZones)
        line("k", session.encryptionKey)
        session.otherLines.forEach { line($0.type, $0.value) }
        session.attributes.forEach { line("a", $0.sdpValue) }
        session.media.forEach { write($0) }
    }

    private mutating func write(_ media: MediaDescription) {
        line("m", media.sdpValue)
        line("i", media.title)
        media.connections.forEach { line("c", $0.sdpValue) }
        media.bandwidths.forEach { line("b", $0.sdpValue) }
        line("k", media.encryptionKey)
        media.otherLines.forEach { line($0.type, $0.value) }
        media.attributes.forEach { line("a", $0.sdpValue) }
    }

    private mutating func line(_ type: Character, _ value: String?) {
        guard let value else { return }
        text.append(type)
        text.append("=")
        text.append(value)
        text.append("\r\n")
    }
}
