// SPDX-License-Identifier: Apache-2.0

import NIOCore

/// A SIP request (RFC 3261 §7.1).
public struct SIPRequest: SIPMessageContent {
    /// The method.
    public var method: SIPMethod
    /// The Request-URI.
    public var uri: URI
    /// The header fields.
    public var headers: SIPHeaders
    /// The body.
    public var body: ByteBuffer

    /// Creates a request; Content-Length is written from `body` on output.
    public init(method: SIPMethod, uri: URI, headers: SIPHeaders = SIPHeaders(), body: ByteBuffer = ByteBuffer()) {
        self.method = method
        self.uri = uri
        self.headers = headers
        self.body = body
    }

    /// Writes `Method SP Request-URI SP SIP/2.0`, the headers, a correct Content-Length and the body.
    public func write(into buffer: inout ByteBuffer) {
        buffer.writeString(method.name)
        buffer.writeStaticString(" ")
        buffer.writeString(uri.description)
        buffer.writeStaticString(" SIP/2.0\r\n")
        writeHeadersAndBody(into: &buffer)
    }
}
