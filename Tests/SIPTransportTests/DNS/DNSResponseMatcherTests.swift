// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import SIPTransport

@Suite("Matching answers to queries (RFC 5452 §9.1)", .tags(.unit))
struct DNSResponseMatcherTests {
    let matcher = DNSResponseMatcher(id: 0xBEEF, question: DNSQuestion(name: try! DNSName("example.net"), type: .naptr))

    @Test func acceptsTheAnswerWithTheSameIDAndQuestion() throws {
        let result = try #require(matcher.match(DNSMessageDecodingTests.naptrResponse()))
        #expect(try result.get().answers.count == 2)
    }

    @Test func ignoresAnotherIDOrQuestionOrAQuery() throws {
        var otherID = DNSMessageDecodingTests.naptrResponse()
        otherID[1] = 0xEE
        #expect(matcher.match(otherID) == nil)
        let otherType = DNSResponseMatcher(
            id: 0xBEEF,
            question: DNSQuestion(name: try DNSName("example.net"), type: .srv)
        )
        #expect(otherType.match(DNSMessageDecodingTests.naptrResponse()) == nil)
        var query = DNSMessageDecodingTests.naptrResponse()
        query[2] &= 0x7F
        #expect(matcher.match(query) == nil)
        #expect(matcher.match([0xBE]) == nil)
    }

    @Test func aMalformedAnswerWithOurIDIsAnError() {
        let truncated = Array(DNSMessageDecodingTests.naptrResponse().prefix(40))
        #expect(
            matcher.match(truncated)
                == .failure(.malformedResponse(name: matcher.question.name, type: .naptr, .truncated(offset: 39)))
        )
    }
}
