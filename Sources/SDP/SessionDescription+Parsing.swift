// SPDX-License-Identifier: Apache-2.0
import NIOCore

extension SessionDescription {
    /// Parses a session description (RFC 4566 §5); CRLF and LF-only line endings are both accepted.
    ///
    /// Throws ``SDPParseError`` naming the first line that is wrong and why.
    public init(parsing text: String) throws(SDPParseError) {
        let lines = try SDPInputLine.split(text)
        var index = 0
        self = try Self.parseHeader(lines, index: &index)
        while index < lines.count, lines[index].type != "m" {
            try applySessionLine(lines[index])
            index += 1
        }
        while index < lines.count {
            var mediaDescription = try lines[index].parse(
                MediaDescription.init(sdpValue:),
                expected: MediaDescription.syntax
            )
            index += 1
            while index < lines.count, lines[index].type != "m" {
                try mediaDescription.applyMediaLine(lines[index])
                index += 1
            }
            media.append(mediaDescription)
        }
    }

    /// Parses a session description from the readable bytes of `buffer`, which must be UTF-8.
    public init(parsing buffer: ByteBuffer) throws(SDPParseError) {
        let bytes = buffer.readableBytesView
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (offset, line) in lines.enumerated() where !line.isValidUTF8 {
            throw SDPParseError(line: offset + 1, problem: .invalidUTF8)
        }
        try self.init(parsing: String(decoding: bytes, as: UTF8.self))
    }

    /// RFC 4566 §5: a description starts with v=, o= and s=, in that order.
    private static func parseHeader(_ lines: [SDPInputLine], index: inout Int) throws(SDPParseError) -> Self {
        guard let versionLine = lines.first else { throw SDPParseError(line: 1, problem: .empty) }
        guard versionLine.type == "v" else { throw SDPParseError(line: 1, problem: .missing(type: "v")) }
        guard versionLine.value == "0" else {
            throw SDPParseError(line: 1, problem: .unsupportedVersion(versionLine.text))
        }
        let originLine = try requiredLine("o", at: 1, in: lines)
        let origin = try originLine.parse(Origin.init(sdpValue:), expected: Origin.syntax)
        let nameLine = try requiredLine("s", at: 2, in: lines)
        index = 3
        return SessionDescription(origin: origin, sessionName: nameLine.text, timings: [])
    }

    private static func requiredLine(
        _ type: Character,
        at index: Int,
        in lines: [SDPInputLine]
    ) throws(SDPParseError) -> SDPInputLine {
        guard index < lines.count, lines[index].type == type else {
            throw SDPParseError(line: index + 1, problem: .missing(type: type))
        }
        return lines[index]
    }

    private mutating func applySessionLine(_ line: SDPInputLine) throws(SDPParseError) {
        switch line.type {
        case "i": try line.setOnce(&information, to: line.text)
        case "u": try line.setOnce(&uri, to: line.text)
        case "e": emails.append(line.text)
        case "p": phones.append(line.text)
        case "c":
            try line.setOnce(
                &connection,
                to: line.parse(ConnectionData.init(sdpValue:), expected: ConnectionData.syntax)
            )
        case "b": bandwidths.append(try line.parse(Bandwidth.init(sdpValue:), expected: Bandwidth.syntax))
        case "t": timings.append(try line.parse(Timing.init(sdpValue:), expected: Timing.syntax))
        case "r": try appendRepeat(line)
        case "z": try line.setOnce(&timeZones, to: line.text)
        case "k": try line.setOnce(&encryptionKey, to: line.text)
        case "a": attributes.append(try line.parse(SDPAttribute.init(sdpValue:), expected: SDPAttribute.syntax))
        case "v", "o", "s": throw SDPParseError(line: line.number, problem: .duplicate(type: line.type))
        default: otherLines.append(SDPLine(type: line.type, value: line.text))
        }
    }

    private mutating func appendRepeat(_ line: SDPInputLine) throws(SDPParseError) {
        guard !timings.isEmpty else { throw SDPParseError(line: line.number, problem: .repeatWithoutTiming) }
        timings[timings.count - 1].repeats.append(line.text)
    }
}
