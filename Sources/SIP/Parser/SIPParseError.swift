// SPDX-License-Identifier: Apache-2.0

/// Why a SIP message (or one header value) could not be parsed.
///
/// `reasonPhrase` is written to be used as is in the response (RFC 3261 §21.4.1 allows
/// any reason phrase), and `statusCode` is the status to answer a request with.
/// Malformed responses are dropped (RFC 3261 §18.1.2).
public struct SIPParseError: Error, Sendable, Hashable {
    /// The kind of problem.
    public enum Kind: Hashable, Sendable {
        /// Nothing but whitespace, or no bytes at all.
        case emptyMessage
        /// The start line is not a Request-Line or Status-Line.
        case malformedStartLine
        /// The Request-URI cannot be parsed.
        case malformedRequestURI
        /// The status code is not three digits.
        case malformedStatusCode
        /// The SIP version is not SIP/2.0 (answer 505).
        case unsupportedVersion
        /// A header line has no colon or an invalid name.
        case malformedHeaderLine
        /// The end of the headers (an empty line) is missing.
        case missingHeaderTerminator
        /// A required header is absent.
        case missingHeader(HeaderName)
        /// A header that must appear once appears more than once.
        case duplicateHeader(HeaderName)
        /// A header value does not follow its grammar.
        case malformedHeader(HeaderName)
        /// Max-Forwards is not a number from 0 to 255.
        case maxForwardsNotANumber
        /// Content-Length is not a non-negative number.
        case malformedContentLength
        /// Content-Length says more bytes than the message holds.
        case bodyShorterThanContentLength
        /// Two Content-Length headers disagree.
        case contentLengthMismatch
        /// The CSeq method differs from the request method (RFC 3261 §8.1.1.5).
        case cseqMethodMismatch
        /// The message exceeds `SIPParserLimits.maxMessageSize` (answer 513).
        case messageTooLarge
        /// More header lines than `SIPParserLimits.maxHeaderCount`.
        case tooManyHeaders
        /// A line is longer than `SIPParserLimits.maxLineLength`.
        case lineTooLong
        /// A stream message has no Content-Length (RFC 3261 §18.3).
        case missingContentLengthOnStream
    }

    /// What went wrong.
    public let kind: Kind
    /// What the scanner saw before the problem, when the start line and headers could be
    /// split; the transport uses it to answer 400 with the request's Via, From, To, Call-ID, CSeq.
    public let scanned: SIPScannedMessage?

    /// Creates an error of a kind, with what was scanned if anything.
    public init(_ kind: Kind, scanned: SIPScannedMessage? = nil) {
        self.kind = kind
        self.scanned = scanned
    }

    /// Whether the bad message was a request, when that is known.
    public var isRequest: Bool? { scanned?.isRequest }

    /// The status code to answer a bad request with.
    public var statusCode: Int {
        switch kind {
        case .unsupportedVersion: return 505
        case .messageTooLarge: return 513
        default: return 400
        }
    }

    /// A reason phrase naming the problem, usable directly in the response.
    public var reasonPhrase: String {
        switch kind {
        case .emptyMessage: return "Empty message"
        case .malformedStartLine: return "Malformed start line"
        case .malformedRequestURI: return "Malformed Request-URI"
        case .malformedStatusCode: return "Malformed status code"
        case .unsupportedVersion: return "Version Not Supported"
        case .malformedHeaderLine: return "Malformed header line"
        case .missingHeaderTerminator: return "Missing empty line after headers"
        case .missingHeader(let name): return "Missing \(name.canonicalName) header field"
        case .duplicateHeader(let name): return "Multiple \(name.canonicalName) header fields"
        case .malformedHeader(let name): return "Malformed \(name.canonicalName) header field"
        case .maxForwardsNotANumber: return "Max-Forwards not a number"
        case .malformedContentLength: return "Malformed Content-Length header field"
        case .bodyShorterThanContentLength: return "Body shorter than Content-Length"
        case .contentLengthMismatch: return "Content-Length mismatch"
        case .cseqMethodMismatch: return "CSeq method does not match request method"
        case .messageTooLarge: return "Message Too Large"
        case .tooManyHeaders: return "Too many header fields"
        case .lineTooLong: return "Header line too long"
        case .missingContentLengthOnStream: return "Missing Content-Length header field"
        }
    }

    public static func == (lhs: SIPParseError, rhs: SIPParseError) -> Bool { lhs.kind == rhs.kind }

    public func hash(into hasher: inout Hasher) { hasher.combine(kind) }
}

extension SIPParseError: CustomStringConvertible {
    /// The status code and reason phrase.
    public var description: String { "\(statusCode) \(reasonPhrase)" }
}

/// What the scanner could split out of a message that later failed validation.
public struct SIPScannedMessage: Sendable {
    /// Whether the start line looked like a request.
    public let isRequest: Bool
    /// The request method, when the start line was a request line.
    public let method: SIPMethod?
    /// The status code, when the start line was a status line.
    public let statusCode: Int?
    /// The header fields as scanned (raw, in order).
    public let headers: SIPHeaders

    init(startLine: SIPMessageScanner.StartLine, headers: SIPHeaders) {
        switch startLine {
        case .request(let method, _):
            self.isRequest = true
            self.method = method
            self.statusCode = nil
        case .response(let status, _):
            self.isRequest = false
            self.method = nil
            self.statusCode = status
        }
        self.headers = headers
    }
}
