// SPDX-License-Identifier: Apache-2.0

import NIOCore

extension SIPMessage {
    /// Parses one complete message (a UDP datagram, or one framed by `SIPStreamFraming`).
    ///
    /// The start line and the headers routing needs (Via, From, To, Call-ID, CSeq,
    /// Max-Forwards, Content-Length) are checked now; every other header stays as bytes
    /// until asked for. Bytes after Content-Length are discarded (RFC 3261 §18.3; RFC 4475
    /// §3.1.1.8). A missing Max-Forwards is accepted, since many user agents omit it.
    public static func parse(_ buffer: ByteBuffer, limits: SIPParserLimits = .default) throws(SIPParseError) -> SIPMessage {
        guard buffer.readableBytes <= limits.maxMessageSize else { throw SIPParseError(.messageTooLarge) }
        let source = buffer.slice()
        let outcome: Result<SIPMessageScanner.Result, SIPMessageScanner.Failure> = source.withUnsafeReadableBytes { bytes in
            var scanner = SIPMessageScanner(bytes: bytes, limits: limits)
            do throws(SIPMessageScanner.Failure) {
                return .success(try scanner.scan())
            } catch {
                return .failure(error)
            }
        }
        switch outcome {
        case .failure(let failure):
            let scanned = failure.startLine.map {
                SIPScannedMessage(startLine: $0, headers: SIPHeaders(source: source, entries: failure.entries))
            }
            throw SIPParseError(failure.kind, scanned: scanned)
        case .success(let result):
            let headers = SIPHeaders(source: source, entries: result.entries)
            // One copy of the message that the typed parsers read in place, with bounds-checked
            // access, instead of one String and one array per header value.
            let bytes = source.withUnsafeReadableBytes { Array($0) }
            do throws(SIPParseError) {
                return try build(result, headers: headers, source: source, bytes: bytes)
            } catch {
                throw SIPParseError(error.kind, scanned: SIPScannedMessage(startLine: result.startLine, headers: headers))
            }
        }
    }

    private static func build(
        _ result: SIPMessageScanner.Result,
        headers: SIPHeaders,
        source: ByteBuffer,
        bytes: [UInt8]
    ) throws(SIPParseError) -> SIPMessage {
        var headers = headers
        switch result.startLine {
        case .request(let method, let uriRange):
            let uri = try parseRequestURI(bytes, uriRange)
            headers.decoded = try MessageValidator.validateRequest(method: method, headers: headers, bytes: bytes)
            let body = try bodySlice(source, from: result.bodyStart, headers: headers)
            return .request(SIPRequest(method: method, uri: uri, headers: headers, body: body))
        case .response(let status, let reasonRange):
            headers.decoded = try MessageValidator.validateCommon(headers, bytes: bytes)
            let reason = source.getString(at: source.readerIndex + reasonRange.lowerBound, length: reasonRange.count) ?? ""
            let body = try bodySlice(source, from: result.bodyStart, headers: headers)
            return .response(SIPResponse(statusCode: status, reasonPhrase: reason, headers: headers, body: body))
        }
    }

    /// RFC 3261 §19.1.1 (table): a Request-URI carries no headers (RFC 4475 §3.1.2.11).
    private static func parseRequestURI(_ bytes: [UInt8], _ range: Range<Int>) throws(SIPParseError) -> URI {
        var cursor = ByteCursor(bytes: bytes, range: range)
        guard let uri = URI.parse(&cursor, stoppingAt: .whitespace), cursor.atEnd else {
            throw SIPParseError(.malformedRequestURI)
        }
        if case .sip(let sipURI) = uri, !sipURI.headers.isEmpty { throw SIPParseError(.malformedRequestURI) }
        return uri
    }

    /// The body: Content-Length bytes after the headers, or everything when there is no
    /// Content-Length (allowed on UDP, RFC 3261 §20.14).
    private static func bodySlice(_ source: ByteBuffer, from start: Int, headers: SIPHeaders) throws(SIPParseError) -> ByteBuffer {
        let available = max(0, source.readableBytes - start)
        var length: Int?
        for entry in headers.entries where entry.name == .contentLength {
            let parsed = try ContentLength(parsing: headers.value(of: entry)).value
            if let length, length != parsed { throw SIPParseError(.contentLengthMismatch) }
            length = parsed
        }
        let bodyLength = length ?? available
        guard bodyLength <= available else { throw SIPParseError(.bodyShorterThanContentLength) }
        return source.getSlice(at: source.readerIndex + start, length: bodyLength) ?? ByteBuffer()
    }
}
