// SPDX-License-Identifier: Apache-2.0

import Foundation
import NIOCore
import Testing

@testable import SIP

extension Tag {
    @Tag static var torture: Self
    @Tag static var unit: Self
}

/// Loads RFC 4475 fixtures and runs parse → write → parse round trips.
enum Fixture {
    static func bytes(_ name: String) throws -> ByteBuffer {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "dat", subdirectory: "Fixtures/rfc4475"))
        return ByteBuffer(bytes: try Data(contentsOf: url))
    }

    static var allNames: [String] {
        guard let directory = Bundle.module.resourceURL?.appendingPathComponent("Fixtures/rfc4475"),
            let files = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
        else { return [] }
        return files.filter { $0.hasSuffix(".dat") }.map { String($0.dropLast(4)) }.sorted()
    }

    static func request(_ name: String) throws -> SIPRequest {
        guard case .request(let request) = try SIPMessage.parse(bytes(name)) else {
            Issue.record("\(name) parsed as a response")
            throw SIPParseError(.malformedStartLine)
        }
        return request
    }

    static func response(_ name: String) throws -> SIPResponse {
        guard case .response(let response) = try SIPMessage.parse(bytes(name)) else {
            Issue.record("\(name) parsed as a request")
            throw SIPParseError(.malformedStartLine)
        }
        return response
    }

    static func parseError(_ name: String) throws -> SIPParseError? {
        do {
            _ = try SIPMessage.parse(bytes(name))
            return nil
        } catch let error as SIPParseError {
            return error
        }
    }
}

extension SIPMessageContent {
    /// Writes the message and parses it again.
    func reparsed() throws -> SIPMessage {
        try SIPMessage.parse(serialized)
    }
}

extension ByteBuffer {
    init(text: String) {
        self.init(string: text)
    }
}

/// Joins lines with CRLF and ends with the empty line.
func sipText(_ lines: [String], body: String = "") -> String {
    lines.joined(separator: "\r\n") + "\r\n\r\n" + body
}
