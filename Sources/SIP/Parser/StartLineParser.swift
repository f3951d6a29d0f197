// SPDX-License-Identifier: Apache-2.0

/// Parses a Request-Line or Status-Line (RFC 3261 §7.1, §7.2), strictly: single spaces only.
struct StartLineParser {
    let bytes: UnsafeRawBufferPointer

    private static let version = Array(SIPVersion.string.utf8)

    func parse(_ line: Range<Int>) throws(SIPParseError) -> SIPMessageScanner.StartLine {
        if hasVersionPrefix(at: line.lowerBound, in: line) {
            return try parseStatusLine(line)
        }
        return try parseRequestLine(line)
    }

    /// Request-Line = Method SP Request-URI SP SIP-Version.
    private func parseRequestLine(_ line: Range<Int>) throws(SIPParseError) -> SIPMessageScanner.StartLine {
        guard let firstSpace = index(of: ASCII.space, in: line),
            let secondSpace = index(of: ASCII.space, in: (firstSpace + 1)..<line.upperBound)
        else { throw SIPParseError(.malformedStartLine) }
        let method = line.lowerBound..<firstSpace
        let uri = (firstSpace + 1)..<secondSpace
        let version = (secondSpace + 1)..<line.upperBound
        guard ASCII.isToken(UnsafeRawBufferPointer(rebasing: bytes[method])), !uri.isEmpty else {
            throw SIPParseError(.malformedStartLine)
        }
        try checkVersion(version)
        let parsedMethod = SIPMethod(bytes: UnsafeRawBufferPointer(rebasing: bytes[method]))
        return .request(method: parsedMethod, uri: uri)
    }

    /// Status-Line = SIP-Version SP Status-Code SP Reason-Phrase (an absent reason is tolerated).
    private func parseStatusLine(_ line: Range<Int>) throws(SIPParseError) -> SIPMessageScanner.StartLine {
        let versionEnd = line.lowerBound + StartLineParser.version.count
        guard versionEnd < line.upperBound, bytes[versionEnd] == ASCII.space else { throw SIPParseError(.malformedStartLine) }
        let codeStart = versionEnd + 1
        let codeEnd = index(of: ASCII.space, in: codeStart..<line.upperBound) ?? line.upperBound
        let code = UnsafeRawBufferPointer(rebasing: bytes[codeStart..<codeEnd])
        guard code.count == 3, let status = ASCII.parseDecimal(code, limit: 699), status >= 100 else {
            throw SIPParseError(.malformedStatusCode)
        }
        let reasonStart = min(codeEnd + 1, line.upperBound)
        return .response(status: Int(status), reason: reasonStart..<line.upperBound)
    }

    private func checkVersion(_ range: Range<Int>) throws(SIPParseError) {
        guard range.count == StartLineParser.version.count, hasVersionPrefix(at: range.lowerBound, in: range) else {
            // RFC 3261 §8.2.1 / RFC 4475 §3.1.2.16: a well-formed other version gets 505.
            let text = UnsafeRawBufferPointer(rebasing: bytes[range])
            if text.count > 4, text.starts(with: "SIP/".utf8), text.dropFirst(4).allSatisfy({ ASCII.isDigit($0) || $0 == 0x2E }) {
                throw SIPParseError(.unsupportedVersion)
            }
            throw SIPParseError(.malformedStartLine)
        }
    }

    /// Whether `SIP/2.0` (case-insensitive, RFC 3261 §7.1) starts at `start`.
    private func hasVersionPrefix(at start: Int, in line: Range<Int>) -> Bool {
        let version = StartLineParser.version
        guard line.upperBound - start >= version.count else { return false }
        for offset in 0..<version.count where ASCII.lowercased(bytes[start + offset]) != ASCII.lowercased(version[offset]) {
            return false
        }
        return true
    }

    private func index(of byte: UInt8, in range: Range<Int>) -> Int? {
        var index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] == byte { return index }
            index += 1
        }
        return nil
    }
}
