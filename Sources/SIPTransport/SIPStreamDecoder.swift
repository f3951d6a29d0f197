// SPDX-License-Identifier: Apache-2.0
import NIOCore
import SIP

/// What a TCP/TLS stream carries: whole messages, and RFC 5626 keep-alives between them.
enum SIPStreamFrame {
    case message(ByteBuffer)
    /// A double CRLF: the peer wants a pong.
    case ping
    /// A single CRLF: the answer to our ping.
    case pong
}

/// Cuts a stream into messages by their Content-Length (RFC 3261 §18.3).
struct SIPStreamDecoder: ByteToMessageDecoder {
    typealias InboundOut = SIPStreamFrame

    let limits: SIPParserLimits

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        switch SIPStreamFraming.frame(buffer, limits: limits) {
        case .needMoreData:
            return .needMoreData
        case .keepAlive(let length):
            buffer.moveReaderIndex(forwardBy: length)
            // A double CRLF asks for a pong; a lone CRLF (or LF) is one (RFC 5626 §4.4.1).
            context.fireChannelRead(wrapInboundOut(length == 4 ? .ping : .pong))
            return .continue
        case .message(let length):
            // Copied out of the cumulation buffer so a kept message does not pin the whole stream buffer.
            guard let slice = buffer.readSlice(length: length) else { return .needMoreData }
            context.fireChannelRead(wrapInboundOut(.message(context.channel.allocator.buffer(buffer: slice))))
            return .continue
        case .error(let error):
            throw error
        }
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        try decode(context: context, buffer: &buffer)
    }
}
