// SPDX-License-Identifier: Apache-2.0

import NIOCore
import Testing

@testable import SIP

/// RFC 4475 §3.1.2: syntactically invalid messages. Each must be rejected with the error the
/// RFC's description calls for (a 400 naming the problem, or 505 for the unknown version), and
/// the scanned headers must let the server build that response.
@Suite(.tags(.torture))
struct RFC4475InvalidTests {
    @Test(
        "3.1.2 invalid requests are rejected with 400 and a precise reason",
        arguments: [
            ("badinv01", SIPParseError.Kind.malformedHeader(.via)),  // 3.1.2.1 extraneous separators
            ("clerr", .bodyShorterThanContentLength),  // 3.1.2.2 Content-Length larger than message
            ("ncl", .malformedContentLength),  // 3.1.2.3 negative Content-Length
            ("scalar02", .malformedHeader(.cseq)),  // 3.1.2.4 CSeq beyond 2**31
            ("quotbal", .malformedHeader(.to)),  // 3.1.2.6 unterminated quoted string
            ("ltgtruri", .malformedRequestURI),  // 3.1.2.7 <> around the Request-URI
            ("lwsruri", .malformedStartLine),  // 3.1.2.8 LWS inside the Request-URI
            ("lwsstart", .malformedStartLine),  // 3.1.2.9 several SPs in the request line
            ("trws", .malformedStartLine),  // 3.1.2.10 SP at the end of the request line
            ("escruri", .malformedRequestURI),  // 3.1.2.11 escaped headers in the Request-URI
            ("badaspec", .malformedHeader(.to)),  // 3.1.2.14 spaces within addr-spec
            ("baddn", .malformedHeader(.from)),  // 3.1.2.15 non-token characters in display name
            ("mismatch01", .cseqMethodMismatch),  // 3.1.2.17 request line and CSeq disagree
            ("mismatch02", .cseqMethodMismatch),  // 3.1.2.18 unknown method, CSeq disagrees
        ]
    )
    func rejectedRequest(name: String, kind: SIPParseError.Kind) throws {
        let error = try #require(try Fixture.parseError(name))
        #expect(error.kind == kind)
        #expect(error.statusCode == 400)
        #expect(error.isRequest == true)
        let response = try #require(SIPResponse(replyingTo: error))
        #expect(response.statusCode == 400)
        #expect(response.reasonPhrase == error.reasonPhrase)
        #expect(response.headers.contains(.via))
        #expect(response.headers.contains(.callID))
    }

    @Test("3.1.2.5 scalarlg: a response with an overlarge CSeq is dropped")
    func scalarlg() throws {
        let error = try #require(try Fixture.parseError("scalarlg"))
        #expect(error.kind == .malformedHeader(.cseq))
        #expect(error.isRequest == false)
        #expect(SIPResponse(replyingTo: error) == nil)
    }

    @Test("3.1.2.12 baddate: an invalid Date time zone is accepted, Date is not used")
    func baddate() throws {
        let request = try Fixture.request("baddate")
        #expect(request.headers.first(.date) == "Fri, 01 Jan 2010 16:00:00 EST")
        try expectRoundTrip(.request(request))
    }

    @Test("3.1.2.13 regbadct: a Contact URI with headers outside <> is rejected when the registrar reads it")
    func regbadct() throws {
        let request = try Fixture.request("regbadct")
        #expect(throws: SIPParseError(.malformedHeader(.contact))) { try request.contacts }
    }

    @Test("3.1.2.16 badvers: unknown protocol version gets 505")
    func badvers() throws {
        let error = try #require(try Fixture.parseError("badvers"))
        #expect(error.kind == .unsupportedVersion)
        #expect(error.statusCode == 505)
        #expect(error.reasonPhrase == "Version Not Supported")
    }

    @Test("3.1.2.19 bigcode: an overlarge status code is rejected")
    func bigcode() throws {
        let error = try #require(try Fixture.parseError("bigcode"))
        #expect(error.kind == .malformedStatusCode)
    }
}
