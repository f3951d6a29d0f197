// SPDX-License-Identifier: Apache-2.0
import NIOCore
import Testing

@testable import SDP

@Suite("Rejecting malformed session descriptions", .tags(.unit))
struct SDPParseErrorTests {
    private let header = "v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\nt=0 0\r\n"

    private func error(parsing text: String) -> SDPParseError? {
        let result = Result<SessionDescription, SDPParseError> { () throws(SDPParseError) in
            try SessionDescription(parsing: text)
        }
        guard case .failure(let error) = result else { return nil }
        return error
    }

    @Test func emptyInputIsRejected() {
        #expect(error(parsing: "") == SDPParseError(line: 1, problem: .empty))
        #expect(error(parsing: "\r\n\r\n") == SDPParseError(line: 1, problem: .empty))
    }

    @Test func garbageIsRejectedOnItsLine() {
        #expect(error(parsing: "hello world") == SDPParseError(line: 1, problem: .notATypeValueLine))
        #expect(
            error(parsing: header + "m=audio 4000 RTP/AVP 0\r\nthis is not sdp\r\n")
                == SDPParseError(line: 6, problem: .notATypeValueLine)
        )
        #expect(error(parsing: header + "A=sendrecv\r\n") == SDPParseError(line: 5, problem: .notATypeValueLine))
        #expect(error(parsing: header + "\r\na=sendrecv\r\n") == SDPParseError(line: 5, problem: .notATypeValueLine))
    }

    @Test func versionMustComeFirstAndBeZero() {
        #expect(error(parsing: "o=- 1 1 IN IP4 10.0.0.1\r\n") == SDPParseError(line: 1, problem: .missing(type: "v")))
        #expect(error(parsing: "v=1\r\n") == SDPParseError(line: 1, problem: .unsupportedVersion("1")))
    }

    @Test func originAndSessionNameAreRequiredInOrder() {
        #expect(error(parsing: "v=0\r\ns=-\r\n") == SDPParseError(line: 2, problem: .missing(type: "o")))
        #expect(
            error(parsing: "v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\n") == SDPParseError(line: 3, problem: .missing(type: "s"))
        )
    }

    @Test func malformedOriginNamesTheExpectedSyntax() {
        let expected = SDPParseError(line: 2, problem: .malformed(type: "o", expected: Origin.syntax))
        #expect(error(parsing: "v=0\r\no=- 1 IN IP4 10.0.0.1\r\ns=-\r\n") == expected)
        #expect(error(parsing: "v=0\r\no=- 1 x IN IP4 10.0.0.1\r\ns=-\r\n") == expected)
        #expect(expected.description.hasPrefix("SDP line 2: malformed o= line, expected <username>"))
    }

    @Test func malformedMediaLinesAreRejected() {
        for bad in [
            "m=audio RTP/AVP 0", "m=audio 70000 RTP/AVP 0", "m=audio 4000/x RTP/AVP 0", "m=audio 4000/2/3 RTP/AVP 0",
        ] {
            #expect(
                error(parsing: header + bad + "\r\n")
                    == SDPParseError(line: 5, problem: .malformed(type: "m", expected: MediaDescription.syntax))
            )
        }
    }

    @Test func malformedConnectionBandwidthTimingAndAttributeAreRejected() {
        #expect(
            error(parsing: header + "c=IN IP4\r\n")?.problem == .malformed(type: "c", expected: ConnectionData.syntax)
        )
        #expect(error(parsing: header + "b=AS\r\n")?.problem == .malformed(type: "b", expected: Bandwidth.syntax))
        #expect(error(parsing: header + "b=AS:lots\r\n")?.problem == .malformed(type: "b", expected: Bandwidth.syntax))
        #expect(error(parsing: header + "t=now later\r\n")?.problem == .malformed(type: "t", expected: Timing.syntax))
        #expect(
            error(parsing: header + "a=:value\r\n")?.problem == .malformed(type: "a", expected: SDPAttribute.syntax)
        )
    }

    @Test func duplicatedSingleLinesAreRejected() {
        #expect(
            error(parsing: header + "c=IN IP4 1.2.3.4\r\nc=IN IP4 1.2.3.5\r\n")
                == SDPParseError(line: 6, problem: .duplicate(type: "c"))
        )
        #expect(
            error(parsing: header + "o=- 1 1 IN IP4 10.0.0.1\r\n")
                == SDPParseError(line: 5, problem: .duplicate(type: "o"))
        )
    }

    @Test func sessionLinesInsideMediaSectionAreRejected() {
        #expect(
            error(parsing: header + "m=audio 4000 RTP/AVP 0\r\nt=0 0\r\n")
                == SDPParseError(line: 6, problem: .sessionLevelOnly(type: "t"))
        )
    }

    @Test func repeatWithoutTimingIsRejected() {
        #expect(
            error(parsing: "v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\nr=7d 1h 0 25h\r\n")
                == SDPParseError(line: 4, problem: .repeatWithoutTiming)
        )
    }

    @Test func invalidUTF8IsRejectedWithItsLine() {
        var buffer = ByteBuffer(string: header + "s")
        buffer.writeBytes([0xC3, 0x28])
        buffer.writeString("\r\n")
        #expect(throws: SDPParseError(line: 5, problem: .invalidUTF8)) {
            try SessionDescription(parsing: buffer)
        }
    }
}
