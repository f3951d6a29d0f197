// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import SIPStack

@Suite("Transaction keys (RFC 3261 §17.1.3, §17.2.3)", .tags(.unit))
struct TransactionKeyTests {
    private func server(
        _ method: String,
        branch: String = "z9hG4bK776asdhds",
        host: String = "pc33.atlanta.com",
        port: Int? = 5060
    ) -> TransactionKey? {
        TransactionKey.rfc3261(role: .server, branch: branch, sentByHost: host, sentByPort: port, method: method)
    }

    @Test func serverFilesAckUnderTheInviteTransaction() {
        #expect(server("ACK") == server("INVITE"))
        #expect(server("ACK")?.method == "INVITE")
    }

    @Test func serverKeepsCancelDistinctFromInvite() {
        #expect(server("CANCEL") != server("INVITE"))
        #expect(server("CANCEL")?.method == "CANCEL")
    }

    @Test func serverKeyIncludesSentBy() {
        #expect(server("INVITE", host: "PC33.Atlanta.COM") == server("INVITE"))
        #expect(server("INVITE", host: "pc34.atlanta.com") != server("INVITE"))
        #expect(server("INVITE", port: 5070) != server("INVITE"))
        #expect(server("INVITE", port: nil) != server("INVITE"))
    }

    @Test func serverKeyDiffersByBranch() {
        #expect(server("INVITE", branch: "z9hG4bK776asdhdt") != server("INVITE"))
    }

    @Test func clientKeyIgnoresSentByAndKeepsAckAsItsOwnMethod() {
        let invite = TransactionKey.rfc3261(
            role: .client,
            branch: "z9hG4bKabc",
            sentByHost: "a",
            sentByPort: 5060,
            method: "INVITE"
        )
        let sameBranchOtherHost = TransactionKey.rfc3261(
            role: .client,
            branch: "z9hG4bKabc",
            sentByHost: "b",
            sentByPort: nil,
            method: "INVITE"
        )
        let cancel = TransactionKey.rfc3261(
            role: .client,
            branch: "z9hG4bKabc",
            sentByHost: "a",
            sentByPort: 5060,
            method: "CANCEL"
        )
        #expect(invite == sameBranchOtherHost)
        #expect(invite != cancel)
        #expect(invite?.form == .branch("z9hG4bKabc", sentBy: nil))
    }

    @Test func clientAndServerKeysNeverCollide() {
        let client = TransactionKey.rfc3261(
            role: .client,
            branch: "z9hG4bK776asdhds",
            sentByHost: "pc33.atlanta.com",
            sentByPort: 5060,
            method: "INVITE"
        )
        #expect(client != server("INVITE"))
    }

    @Test func branchWithoutMagicCookieGivesNoRFC3261Key() {
        #expect(server("INVITE", branch: "776asdhds") == nil)
        #expect(server("INVITE", branch: "Z9HG4BK776") == nil)
    }

    private func legacyFields(toTag: String? = nil, cseq: UInt32 = 1) -> RFC2543TransactionFields {
        RFC2543TransactionFields(
            requestURI: "sip:bob@biloxi.com",
            toTag: toTag,
            fromTag: "1928301774",
            callID: "a84b4c76e66710",
            cseqNumber: cseq,
            topVia: "SIP/2.0/UDP pc33.atlanta.com;branch=776asdhds"
        )
    }

    @Test func legacyAckMatchesTheInviteDespiteTheResponseToTag() {
        let invite = TransactionKey.rfc2543(role: .server, method: "INVITE", fields: legacyFields())
        let ack = TransactionKey.rfc2543(role: .server, method: "ACK", fields: legacyFields(toTag: "a6c85cf"))
        #expect(invite == ack)
    }

    @Test func legacyNonInviteKeyKeepsToTagAndCSeq() {
        let bye = TransactionKey.rfc2543(role: .server, method: "BYE", fields: legacyFields(toTag: "x", cseq: 2))
        #expect(bye != TransactionKey.rfc2543(role: .server, method: "BYE", fields: legacyFields(toTag: "y", cseq: 2)))
        #expect(bye != TransactionKey.rfc2543(role: .server, method: "BYE", fields: legacyFields(toTag: "x", cseq: 3)))
        #expect(bye == TransactionKey.rfc2543(role: .server, method: "BYE", fields: legacyFields(toTag: "x", cseq: 2)))
    }

    @Test func legacyCancelIsDistinctFromInvite() {
        let invite = TransactionKey.rfc2543(role: .server, method: "INVITE", fields: legacyFields())
        let cancel = TransactionKey.rfc2543(role: .server, method: "CANCEL", fields: legacyFields())
        #expect(invite != cancel)
    }
}
