// SPDX-License-Identifier: Apache-2.0

import NIOCore
import Testing

@testable import SIP

/// Asserts that writing a message and parsing it again gives the same start line, the same
/// header lines (Content-Length aside, which is rewritten), and the same body.
func expectRoundTrip(_ message: SIPMessage, sourceLocation: SourceLocation = #_sourceLocation) throws {
    var buffer = ByteBuffer()
    message.write(into: &buffer)
    let again = try SIPMessage.parse(buffer)
    switch (message, again) {
    case (.request(let original), .request(let copy)):
        #expect(copy.method == original.method, sourceLocation: sourceLocation)
        #expect(copy.uri == original.uri, sourceLocation: sourceLocation)
    case (.response(let original), .response(let copy)):
        #expect(copy.statusCode == original.statusCode, sourceLocation: sourceLocation)
        #expect(copy.reasonPhrase == original.reasonPhrase, sourceLocation: sourceLocation)
    default:
        Issue.record("round trip changed the message kind", sourceLocation: sourceLocation)
    }
    let originalFields = message.headers.fields.filter { $0.name != .contentLength }
    let copyFields = again.headers.fields.filter { $0.name != .contentLength }
    #expect(copyFields.map(\.name) == originalFields.map(\.name), sourceLocation: sourceLocation)
    #expect(copyFields.map(\.value) == originalFields.map(\.value), sourceLocation: sourceLocation)
    #expect(again.body == message.body, sourceLocation: sourceLocation)
    #expect(again.headers.values(.contentLength) == [String(message.body.readableBytes)], sourceLocation: sourceLocation)
}
