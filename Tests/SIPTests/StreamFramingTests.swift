// SPDX-License-Identifier: Apache-2.0

import NIOCore
import Testing

@testable import SIP

/// Drip-feed verification of `SIPStreamFraming`, in the manner of NIO's ByteToMessageDecoderVerifier.
@Suite(.tags(.unit))
struct StreamFramingTests {
    /// Valid RFC 4475 fixtures whose Content-Length covers exactly their body.
    static let framedFixtures = [
        "wsinv", "intmeth", "esc01", "escnull", "esc02", "lwsdisp", "longreq", "semiuri", "transports",
        "mpart01", "unreason", "noreason",
    ]

    /// Splits a stream the way a transport would, feeding `chunkSize` bytes at a time.
    private func frames(of stream: ByteBuffer, chunkSize: Int) -> (messages: [ByteBuffer], keepAlives: [Int], error: SIPParseError?) {
        var pending = ByteBuffer()
        var input = stream
        var messages: [ByteBuffer] = []
        var keepAlives: [Int] = []
        while input.readableBytes > 0 {
            var chunk = input.readSlice(length: min(chunkSize, input.readableBytes)) ?? ByteBuffer()
            pending.writeBuffer(&chunk)
            drain: while true {
                switch SIPStreamFraming.frame(pending) {
                case .needMoreData:
                    break drain
                case .keepAlive(let length):
                    keepAlives.append(length)
                    pending.moveReaderIndex(forwardBy: length)
                case .message(let length):
                    messages.append(pending.readSlice(length: length) ?? ByteBuffer())
                case .error(let error):
                    return (messages, keepAlives, error)
                }
            }
        }
        return (messages, keepAlives, nil)
    }

    @Test("every fixture, byte by byte and all at once, many per buffer, with keep-alives between")
    func dripFeed() throws {
        var stream = ByteBuffer(string: "\r\n\r\n")
        var expected: [ByteBuffer] = []
        for name in Self.framedFixtures {
            var message = try Fixture.bytes(name)
            expected.append(message)
            stream.writeBuffer(&message)
            stream.writeString("\r\n\r\n")
        }
        for chunkSize in [1, 7, 1_000, stream.readableBytes] {
            let result = frames(of: stream, chunkSize: chunkSize)
            #expect(result.error == nil)
            #expect(result.messages == expected, "chunk size \(chunkSize)")
            #expect(result.keepAlives == Array(repeating: 4, count: expected.count + 1), "chunk size \(chunkSize)")
            for message in result.messages { #expect(throws: Never.self) { try SIPMessage.parse(message) } }
        }
    }

    @Test func pongIsTwoBytes() {
        #expect(SIPStreamFraming.frame(ByteBuffer(string: "\r\n")) == .needMoreData)
        #expect(SIPStreamFraming.frame(ByteBuffer(string: "\r\nINVITE")) == .keepAlive(length: 2))
        #expect(SIPStreamFraming.frame(ByteBuffer(string: "\r\n\r\n")) == .keepAlive(length: 4))
    }

    @Test func streamWithoutContentLengthIsAnError() throws {
        #expect(SIPStreamFraming.frame(try Fixture.bytes("inv2543")) == .error(SIPParseError(.missingContentLengthOnStream)))
    }

    @Test func badContentLengthsAreErrors() throws {
        #expect(SIPStreamFraming.frame(try Fixture.bytes("ncl")) == .error(SIPParseError(.malformedContentLength)))
        #expect(SIPStreamFraming.frame(try Fixture.bytes("mcl01")) == .error(SIPParseError(.contentLengthMismatch)))
    }

    @Test("clerr on a stream waits for the rest of the body")
    func bodyStillArriving() throws {
        #expect(SIPStreamFraming.frame(try Fixture.bytes("clerr")) == .needMoreData)
    }

    @Test func headersBeyondTheLimitAreAnError() {
        let limits = SIPParserLimits(maxMessageSize: 65_535, maxHeaderCount: 256, maxLineLength: 8_192, maxHeaderBytes: 100)
        let buffer = ByteBuffer(string: "INVITE sip:a@b SIP/2.0\r\n" + String(repeating: "X-A: b\r\n", count: 20))
        #expect(SIPStreamFraming.frame(buffer, limits: limits) == .error(SIPParseError(.messageTooLarge)))
    }

    @Test func garbageIsAnError() {
        #expect(SIPStreamFraming.frame(ByteBuffer(string: "\r garbage")) == .error(SIPParseError(.malformedStartLine)))
        #expect(SIPStreamFraming.frame(ByteBuffer(string: "hello\r\n\r\n")) == .error(SIPParseError(.malformedStartLine)))
    }
}
