// SPDX-License-Identifier: Apache-2.0

import NIOCore

/// A SIP response (RFC 3261 §7.2).
public struct SIPResponse: SIPMessageContent {
    /// The status code (100-699).
    public var statusCode: Int
    /// The reason phrase (may be empty, RFC 4475 §3.1.1.13).
    public var reasonPhrase: String
    /// The header fields.
    public var headers: SIPHeaders
    /// The body.
    public var body: ByteBuffer

    /// Creates a response; a nil reason uses the standard phrase for the code.
    public init(statusCode: Int, reasonPhrase: String? = nil, headers: SIPHeaders = SIPHeaders(), body: ByteBuffer = ByteBuffer()) {
        self.statusCode = statusCode
        self.reasonPhrase = reasonPhrase ?? SIPStatus.defaultReasonPhrase(for: statusCode)
        self.headers = headers
        self.body = body
    }

    /// Whether the status is 1xx.
    public var isProvisional: Bool { statusCode < 200 }

    /// Writes `SIP/2.0 SP code SP reason`, the headers, a correct Content-Length and the body.
    public func write(into buffer: inout ByteBuffer) {
        buffer.writeStaticString("SIP/2.0 ")
        buffer.writeString(String(statusCode))
        buffer.writeStaticString(" ")
        buffer.writeString(reasonPhrase)
        buffer.writeStaticString("\r\n")
        writeHeadersAndBody(into: &buffer)
    }
}
