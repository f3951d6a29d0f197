// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import SIPTransport

@Suite("Reading answers out of responses (RFC 1034 §3.6.2, RFC 2308)", .tags(.unit))
struct DNSResponseMeaningTests {
    let question = DNSQuestion(name: try! DNSName("sip.example.net"), type: .a)

    func response(code: UInt16 = 0, answers: [DNSResourceRecord], soaTTL: UInt32? = nil) throws -> DNSMessage {
        var message = DNSMessage(id: 1, flags: DNSHeaderFlags(rawValue: 0x8180 | code), questions: [question])
        message.answers = answers
        if let soaTTL {
            let soa = DNSSOARecord(
                primaryServer: try DNSName("ns.example.net"),
                responsibleMailbox: try DNSName("h.example.net"),
                serial: 1,
                refresh: 1,
                retry: 1,
                expire: 1,
                minimum: 45
            )
            message.authorities = [DNSResourceRecord(name: try DNSName("example.net"), ttl: soaTTL, data: .soa(soa))]
        }
        return message
    }

    @Test func recordsOfTheNameAreTheAnswerWithTheShortestTTL() throws {
        let records = [
            DNSResourceRecord(name: question.name, ttl: 300, data: .a([192, 0, 2, 1])),
            DNSResourceRecord(name: question.name, ttl: 60, data: .a([192, 0, 2, 2])),
            DNSResourceRecord(name: try DNSName("other.example.net"), ttl: 10, data: .a([192, 0, 2, 3])),
        ]
        let meaning = try response(answers: records).meaning(for: question)
        #expect(meaning == DNSResponseMeaning(answer: .records(Array(records.prefix(2))), ttl: 60))
    }

    @Test func aliasesInTheAnswerAreFollowed() throws {
        let target = try DNSName("edge.example.org")
        let address = DNSResourceRecord(name: target, ttl: 300, data: .a([198, 51, 100, 7]))
        let records = [DNSResourceRecord(name: question.name, ttl: 30, data: .cname(target)), address]
        let meaning = try response(answers: records).meaning(for: question)
        #expect(meaning == DNSResponseMeaning(answer: .records([address]), ttl: 30))
    }

    @Test func anAliasTheServerDidNotChaseIsAskedNext() throws {
        let target = try DNSName("edge.example.org")
        let records = [DNSResourceRecord(name: question.name, ttl: 30, data: .cname(target))]
        let meaning = try response(answers: records).meaning(for: question)
        #expect(meaning.unresolvedAlias == target)
        #expect(meaning.ttl == nil)
    }

    @Test func aliasLoopsEndWithoutAnswer() throws {
        let other = try DNSName("loop.example.net")
        let records = [
            DNSResourceRecord(name: question.name, ttl: 30, data: .cname(other)),
            DNSResourceRecord(name: other, ttl: 30, data: .cname(question.name)),
        ]
        let meaning = try response(answers: records).meaning(for: question)
        #expect(meaning.answer == .noRecords)
        #expect(meaning.unresolvedAlias != nil)
    }

    @Test func nxdomainIsCachedForTheLesserOfSOATTLAndMinimum() throws {
        #expect(
            try response(code: 3, answers: [], soaTTL: 600).meaning(for: question)
                == DNSResponseMeaning(answer: .nameDoesNotExist, ttl: 45)
        )
        #expect(
            try response(code: 3, answers: [], soaTTL: 20).meaning(for: question)
                == DNSResponseMeaning(answer: .nameDoesNotExist, ttl: 20)
        )
    }

    @Test func negativeAnswersWithoutSOAAreNotCached() throws {
        #expect(
            try response(code: 3, answers: []).meaning(for: question)
                == DNSResponseMeaning(answer: .nameDoesNotExist, ttl: nil)
        )
        #expect(try response(answers: []).meaning(for: question) == DNSResponseMeaning(answer: .noRecords, ttl: nil))
    }
}
