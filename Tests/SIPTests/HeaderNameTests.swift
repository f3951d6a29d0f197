// SPDX-License-Identifier: Apache-2.0

import Testing

@testable import SIP

@Suite(.tags(.unit))
struct HeaderNameTests {
    @Test func compactFormsMapToFullNames() {
        let pairs: [(String, HeaderName)] = [
            ("i", .callID), ("f", .from), ("t", .to), ("v", .via), ("m", .contact), ("l", .contentLength),
            ("c", .contentType), ("k", .supported), ("s", .subject), ("o", .event), ("u", .allowEvents),
            ("e", .contentEncoding), ("r", .referTo), ("b", .referredBy), ("x", .sessionExpires), ("y", .identity),
        ]
        for (text, name) in pairs {
            #expect(HeaderName(text) == name)
            #expect(HeaderName(text.uppercased()) == name)
        }
    }

    @Test func matchingIsCaseInsensitive() {
        #expect(HeaderName("MaX-fOrWaRdS") == .maxForwards)
        #expect(HeaderName("call-id") == .callID)
        #expect(HeaderName("WWW-AUTHENTICATE") == .wwwAuthenticate)
        #expect(HeaderName("X-Custom") == .extension("X-Custom"))
        #expect(HeaderName("z") == .extension("z"))
    }

    @Test func canonicalSpellings() {
        #expect(HeaderName.cseq.canonicalName == "CSeq")
        #expect(HeaderName.callID.canonicalName == "Call-ID")
        #expect(HeaderName.wwwAuthenticate.canonicalName == "WWW-Authenticate")
        #expect(HeaderName.extension("X-Foo").canonicalName == "X-Foo")
    }

    @Test func methodsAreCaseSensitive() {
        #expect(SIPMethod("INVITE") == .invite)
        #expect(SIPMethod("invite") == .extension("invite"))
        #expect(SIPMethod("NEWMETHOD").name == "NEWMETHOD")
        #expect(SIPMethod.knownMethods.count == 14)
    }

    @Test func reasonPhrases() {
        #expect(SIPStatus.defaultReasonPhrase(for: 181) == "Call Is Being Forwarded")
        #expect(SIPStatus.defaultReasonPhrase(for: 182) == "Queued")
        #expect(SIPStatus.defaultReasonPhrase(for: 199) == "Early Dialog Terminated")
        #expect(SIPStatus.defaultReasonPhrase(for: 423) == "Interval Too Brief")
        #expect(SIPStatus.defaultReasonPhrase(for: 439) == "First Hop Lacks Outbound Support")
        #expect(SIPStatus.defaultReasonPhrase(for: 491) == "Request Pending")
        #expect(SIPStatus.defaultReasonPhrase(for: 481) == "Call/Transaction Does Not Exist")
        #expect(SIPStatus.defaultReasonPhrase(for: 499) == "Bad Request")
    }
}
