// SPDX-License-Identifier: Apache-2.0

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One pass over a message's bytes that splits the start line and header lines into ranges,
/// without creating Strings for known header names (resip MsgHeaderScanner, kamailio parse_msg).
struct SIPMessageScanner {
    /// The start line's pieces, as ranges into the bytes.
    enum StartLine {
        case request(method: SIPMethod, uri: Range<Int>)
        case response(status: Int, reason: Range<Int>)
    }

    /// A failure, with what was split before it.
    struct Failure: Error {
        var kind: SIPParseError.Kind
        var startLine: StartLine?
        var entries: [SIPHeaders.Entry] = []
    }

    /// The scanner's output.
    struct Result {
        var startLine: StartLine
        var entries: [SIPHeaders.Entry]
        /// The offset of the first body byte (just after the empty line).
        var bodyStart: Int
    }

    let bytes: UnsafeRawBufferPointer
    let limits: SIPParserLimits
    var position = 0

    init(bytes: UnsafeRawBufferPointer, limits: SIPParserLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    mutating func scan() throws(Failure) -> Result {
        // RFC 3261 §7.5: ignore CRLFs before the start line.
        while position < bytes.count, bytes[position] == ASCII.cr || bytes[position] == ASCII.lf { position += 1 }
        guard position < bytes.count else { throw Failure(kind: .emptyMessage) }
        let (startLine, startLineError) = try scanStartLine()
        return try scanHeaders(after: startLine, startLineError: startLineError)
    }

    /// The start line, or for a broken request line a provisional one plus the error to report
    /// once the headers are scanned (so that the 400 or 505 can copy Via, From, To, Call-ID and
    /// CSeq, RFC 3261 §8.2.6).
    private mutating func scanStartLine() throws(Failure) -> (StartLine, SIPParseError.Kind?) {
        do throws(SIPParseError) {
            guard let (lineEnd, next) = try nextLine() else { throw SIPParseError(.malformedStartLine) }
            let startLine = try StartLineParser(bytes: bytes).parse(position..<lineEnd)
            position = next
            return (startLine, nil)
        } catch {
            guard let (lineEnd, next) = try? nextLine(), let provisional = provisionalRequestLine(position..<lineEnd) else {
                throw Failure(kind: error.kind)
            }
            position = next
            return (provisional, error.kind)
        }
    }

    private mutating func scanHeaders(after startLine: StartLine, startLineError: SIPParseError.Kind?) throws(Failure) -> Result {
        var entries: [SIPHeaders.Entry] = []
        entries.reserveCapacity(16)
        while true {
            do throws(SIPParseError) {
                guard let (lineEnd, next) = try nextLine() else { throw SIPParseError(.missingHeaderTerminator) }
                if lineEnd == position {
                    if let startLineError { throw SIPParseError(startLineError) }
                    return Result(startLine: startLine, entries: entries, bodyStart: next)
                }
                try scanHeaderLine(position..<lineEnd, into: &entries)
                position = next
            } catch {
                throw Failure(kind: startLineError ?? error.kind, startLine: startLine, entries: entries)
            }
        }
    }

    /// Finds the end of the line at `position`: the index of its CR (or lone LF) and of the next line.
    private func nextLine() throws(SIPParseError) -> (Int, Int)? {
        guard let index = lineFeed(from: position) else {
            guard bytes.count - position <= limits.maxLineLength else { throw SIPParseError(.lineTooLong) }
            return nil
        }
        guard index - position <= limits.maxLineLength else { throw SIPParseError(.lineTooLong) }
        let end = index > position && bytes[index - 1] == ASCII.cr ? index - 1 : index
        return (end, index + 1)
    }

    /// The index of the first LF at or after `start`, or nil. `memchr` compares a machine word
    /// or more per step where a byte loop compares one; the length passed keeps it inside `bytes`.
    private func lineFeed(from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress,
            let found = memchr(base + start, Int32(ASCII.lf), bytes.count - start)
        else { return nil }
        return base.distance(to: UnsafeRawPointer(found))
    }

    private func scanHeaderLine(_ line: Range<Int>, into entries: inout [SIPHeaders.Entry]) throws(SIPParseError) {
        if ASCII.isWhitespace(bytes[line.lowerBound]) {
            // RFC 3261 §7.3.1: a line starting with whitespace continues the previous value.
            guard let last = entries.indices.last, case .raw(let previousLine, let previousValue) = entries[last].storage else {
                throw SIPParseError(.malformedHeaderLine)
            }
            let valueEnd = trimmedEnd(line)
            var valueStart = previousValue.lowerBound
            if previousValue.isEmpty { valueStart = firstNonWhitespace(line) }
            let newValue = valueStart..<max(valueStart, valueEnd == line.lowerBound ? previousValue.upperBound : valueEnd)
            entries[last].storage = .raw(line: previousLine.lowerBound..<line.upperBound, value: newValue)
            return
        }
        guard entries.count < limits.maxHeaderCount else { throw SIPParseError(.tooManyHeaders) }
        var index = line.lowerBound
        while index < line.upperBound, ASCII.isTokenCharacter(bytes[index]) { index += 1 }
        let nameEnd = index
        while index < line.upperBound, ASCII.isWhitespace(bytes[index]) { index += 1 }
        guard nameEnd > line.lowerBound, index < line.upperBound, bytes[index] == ASCII.colon else {
            throw SIPParseError(.malformedHeaderLine)
        }
        let valueStart = firstNonWhitespace((index + 1)..<line.upperBound)
        let valueEnd = max(valueStart, trimmedEnd(line))
        let nameBytes = UnsafeRawBufferPointer(rebasing: bytes[line.lowerBound..<nameEnd])
        let name = HeaderName.known(matching: nameBytes) ?? .extension(String(decoding: nameBytes, as: UTF8.self))
        entries.append(SIPHeaders.Entry(name: name, storage: .raw(line: line, value: valueStart..<valueEnd)))
    }

    /// A request line that failed to parse, reduced to its method, when it is not a status line.
    private func provisionalRequestLine(_ line: Range<Int>) -> StartLine? {
        var end = line.lowerBound
        while end < line.upperBound, ASCII.isTokenCharacter(bytes[end]) { end += 1 }
        let token = UnsafeRawBufferPointer(rebasing: bytes[line.lowerBound..<end])
        // "SIP/2.0 ..." stops at the slash: a broken status line is dropped, not answered.
        guard !token.isEmpty, end == line.upperBound || bytes[end] != ASCII.slash else { return nil }
        return .request(method: SIPMethod(bytes: token), uri: end..<end)
    }

    private func firstNonWhitespace(_ range: Range<Int>) -> Int {
        var index = range.lowerBound
        while index < range.upperBound, ASCII.isWhitespace(bytes[index]) { index += 1 }
        return index
    }

    private func trimmedEnd(_ range: Range<Int>) -> Int {
        var end = range.upperBound
        while end > range.lowerBound, ASCII.isWhitespace(bytes[end - 1]) { end -= 1 }
        return end
    }
}
