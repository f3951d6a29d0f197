// SPDX-License-Identifier: Apache-2.0

import NIOCore
import Testing

@testable import SIP

/// Inputs an attacker or a broken peer may send: each gives a typed error, never a crash.
@Suite(.tags(.unit))
struct HostileInputTests {
    private let validHeaders = [
        "Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK776asdhds",
        "To: <sip:bob@example.com>",
        "From: <sip:alice@example.com>;tag=1928301774",
        "Call-ID: a84b4c76e66710",
        "CSeq: 314159 OPTIONS",
        "Max-Forwards: 70",
    ]

    private func options(_ extra: [String] = [], body: String = "", contentLength: String? = "0") -> ByteBuffer {
        var lines = ["OPTIONS sip:bob@example.com SIP/2.0"] + validHeaders + extra
        if let contentLength { lines.append("Content-Length: \(contentLength)") }
        return ByteBuffer(string: sipText(lines, body: body))
    }

    private func kind(of buffer: ByteBuffer, limits: SIPParserLimits = .default) -> SIPParseError.Kind? {
        do {
            _ = try SIPMessage.parse(buffer, limits: limits)
            return nil
        } catch {
            return error.kind
        }
    }

    @Test func baselineParses() throws {
        #expect(kind(of: options()) == nil)
    }

    @Test func emptyAndWhitespaceOnly() {
        #expect(kind(of: ByteBuffer()) == .emptyMessage)
        #expect(kind(of: ByteBuffer(string: "\r\n\r\n\r\n")) == .emptyMessage)
    }

    @Test func garbage() {
        #expect(kind(of: ByteBuffer(string: "hello world")) == .malformedStartLine)
        #expect(kind(of: ByteBuffer(bytes: [0xFF, 0xFE, 0x00, 0x01, 0x0A])) == .malformedStartLine)
        #expect(kind(of: ByteBuffer(string: "SIP/2.0 abc OK\r\n\r\n")) == .malformedStatusCode)
    }

    @Test func nulBytesInHeaderName() {
        #expect(kind(of: options(["X-\u{0}Bad: value"])) == .malformedHeaderLine)
    }

    @Test func headerLineWithoutColon() {
        let error = #expect(throws: SIPParseError.self) { try SIPMessage.parse(options(["NoColonHere"])) }
        #expect(error?.kind == .malformedHeaderLine)
        // What was scanned before the bad line is still there for the 400.
        #expect(error?.scanned?.headers.first(.callID) == "a84b4c76e66710")
    }

    @Test func continuationLineBeforeAnyHeader() {
        let text = "OPTIONS sip:bob@example.com SIP/2.0\r\n folded\r\n\r\n"
        #expect(kind(of: ByteBuffer(string: text)) == .malformedHeaderLine)
    }

    @Test func missingEmptyLine() {
        let text = "OPTIONS sip:bob@example.com SIP/2.0\r\n" + validHeaders.joined(separator: "\r\n")
        #expect(kind(of: ByteBuffer(string: text)) == .missingHeaderTerminator)
    }

    @Test func hugeHeaderCount() {
        let many = (0..<300).map { "X-H\($0): v" }
        let error = #expect(throws: SIPParseError.self) { try SIPMessage.parse(options(many)) }
        #expect(error?.kind == .tooManyHeaders)
        #expect(error?.reasonPhrase == "Too many header fields")
    }

    @Test func hugeLine() {
        #expect(kind(of: options(["X-Long: " + String(repeating: "a", count: 9_000)])) == .lineTooLong)
    }

    @Test func oversizedMessage() {
        let error = #expect(throws: SIPParseError.self) {
            try SIPMessage.parse(options(body: String(repeating: "x", count: 70_000), contentLength: "70000"))
        }
        #expect(error?.kind == .messageTooLarge)
        #expect(error?.statusCode == 513)
    }

    @Test func negativeAndOverflowingContentLength() {
        #expect(kind(of: options(contentLength: "-1")) == .malformedContentLength)
        #expect(kind(of: options(contentLength: "99999999999999999999999")) == .malformedContentLength)
        #expect(kind(of: options(contentLength: "12abc")) == .malformedContentLength)
    }

    @Test func truncatedBody() {
        let error = #expect(throws: SIPParseError.self) { try SIPMessage.parse(options(body: "short", contentLength: "100")) }
        #expect(error?.reasonPhrase == "Body shorter than Content-Length")
    }

    @Test func missingRequiredHeadersNameTheHeader() {
        let noCallID = "OPTIONS sip:bob@example.com SIP/2.0\r\n"
            + validHeaders.filter { !$0.hasPrefix("Call-ID") }.joined(separator: "\r\n") + "\r\n\r\n"
        let error = #expect(throws: SIPParseError.self) { try SIPMessage.parse(ByteBuffer(string: noCallID)) }
        #expect(error?.reasonPhrase == "Missing Call-ID header field")
    }

    @Test func maxForwardsNotANumber() {
        let text = sipText(["OPTIONS sip:bob@example.com SIP/2.0"] + validHeaders.dropLast() + ["Max-Forwards: many"])
        let error = #expect(throws: SIPParseError.self) { try SIPMessage.parse(ByteBuffer(string: text)) }
        #expect(error?.reasonPhrase == "Max-Forwards not a number")
    }

    @Test func malformedCSeqReason() {
        let text = sipText(["OPTIONS sip:bob@example.com SIP/2.0"] + validHeaders.filter { !$0.hasPrefix("CSeq") } + ["CSeq: x OPTIONS"])
        let error = #expect(throws: SIPParseError.self) { try SIPMessage.parse(ByteBuffer(string: text)) }
        #expect(error?.reasonPhrase == "Malformed CSeq header field")
    }

    @Test func invalidUTF8IsRelayedByteForByte() throws {
        var buffer = options()
        let bad: [UInt8] = Array("X-Bad: ".utf8) + [0xC3, 0x28, 0xFF] + [0x0D, 0x0A]
        // Insert the raw line just before the empty line.
        var bytes = Array(buffer.readableBytesView)
        bytes.insert(contentsOf: bad, at: bytes.count - 2)
        buffer = ByteBuffer(bytes: bytes)
        let message = try SIPMessage.parse(buffer)
        var out = ByteBuffer()
        message.write(into: &out)
        let written = Array(out.readableBytesView)
        #expect(written.firstRange(of: bad) != nil)
    }

    @Test func deeplyNestedQuotes() throws {
        let escapedQuotes = String(repeating: "\\\"", count: 2_000)
        let good = options(["Reply-To: \"\(escapedQuotes)\" <sip:a@example.com>"])
        let value = try #require(try SIPMessage.parse(good).headers.first(.replyTo))
        let replyTo = try NameAddr(parsing: value, header: .replyTo)
        #expect(replyTo.displayName == String(repeating: "\"", count: 2_000))
        let unterminated = sipText(
            ["OPTIONS sip:bob@example.com SIP/2.0"] + validHeaders.filter { !$0.hasPrefix("To") }
                + ["To: \"" + String(repeating: "\"\\\"", count: 1_000) + " <sip:bob@example.com>"]
        )
        #expect(kind(of: ByteBuffer(string: unterminated)) == .malformedHeader(.to))
    }

    @Test func bareLineFeedsAreAccepted() throws {
        let text = (["OPTIONS sip:bob@example.com SIP/2.0"] + validHeaders + ["Content-Length: 0"]).joined(separator: "\n") + "\n\n"
        guard case .request(let request) = try SIPMessage.parse(ByteBuffer(string: text)) else {
            Issue.record("not a request")
            return
        }
        #expect(request.callID == "a84b4c76e66710")
    }

    @Test func leadingCRLFsAreIgnored() throws {
        var buffer = ByteBuffer(string: "\r\n\r\n")
        var message = options()
        buffer.writeBuffer(&message)
        #expect(kind(of: buffer) == nil)
    }
}
