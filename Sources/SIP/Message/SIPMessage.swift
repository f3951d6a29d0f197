// SPDX-License-Identifier: Apache-2.0

import NIOCore

/// A SIP message: a request or a response (RFC 3261 §7).
public enum SIPMessage: Sendable {
    /// A request.
    case request(SIPRequest)
    /// A response.
    case response(SIPResponse)

    /// The header fields.
    public var headers: SIPHeaders {
        switch self {
        case .request(let request): return request.headers
        case .response(let response): return response.headers
        }
    }

    /// The body.
    public var body: ByteBuffer {
        switch self {
        case .request(let request): return request.body
        case .response(let response): return response.body
        }
    }

    /// Writes the message in wire format.
    public func write(into buffer: inout ByteBuffer) {
        switch self {
        case .request(let request): request.write(into: &buffer)
        case .response(let response): response.write(into: &buffer)
        }
    }
}

/// What requests and responses share: headers, a body, and typed access to the common headers.
public protocol SIPMessageContent: Sendable {
    /// The header fields.
    var headers: SIPHeaders { get set }
    /// The body (Content-Length is derived from it when writing).
    var body: ByteBuffer { get set }
    /// Writes the message in wire format.
    func write(into buffer: inout ByteBuffer)
}
