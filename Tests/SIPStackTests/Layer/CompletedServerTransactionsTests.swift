// SPDX-License-Identifier: Apache-2.0
import NIOCore
import SIPTransport
import Testing

@testable import SIPStack

/// The completed-transaction table: entries answer until their deadline, in arrival order.
@Suite struct CompletedServerTransactionsTests {
    private let start = NIODeadline.uptimeNanoseconds(1_000_000_000)

    private func key(_ branch: String) throws -> TransactionKey {
        try #require(TransactionKey.rfc3261(role: .server, branch: "z9hG4bK" + branch, sentByHost: "127.0.0.1", sentByPort: 5062, method: "OPTIONS"))
    }

    private func entry(_ branch: String, _ text: String, at deadline: NIODeadline) throws -> CompletedServerTransactions.Entry {
        let flow = SIPFlow(kind: .udp, remote: try SocketAddress(ipAddress: "127.0.0.1", port: 5062), local: try SocketAddress(ipAddress: "127.0.0.1", port: 5060))
        var roomy = ByteBufferAllocator().buffer(capacity: 4096)
        roomy.writeString(text)
        return .init(key: try key(branch), response: roomy, flow: flow, mergedKey: nil, deadline: deadline)
    }

    @Test func entriesExpireInOrderAtTheirDeadline() throws {
        let table = CompletedServerTransactions()
        table.insert(try entry("a", "first", at: start))
        table.insert(try entry("b", "second", at: start + .seconds(1)))
        #expect(table.count == 2)
        #expect(table[try key("a")]?.response == ByteBuffer(string: "first"))
        #expect(table.nextDeadline == start)

        #expect(table.removeExpired(at: start - .nanoseconds(1)).expired.isEmpty)
        #expect(table.removeExpired(at: start).expired.map(\.response) == [ByteBuffer(string: "first")])
        #expect(table[try key("a")] == nil)
        #expect(table[try key("b")] != nil)
        #expect(table.nextDeadline == start + .seconds(1))
        #expect(table.removeExpired(at: start + .seconds(5)).expired.count == 1)
        #expect(table.count == 0)
        #expect(table.nextDeadline == nil)
    }

    @Test func aKeyInsertedAgainLivesUntilItsNewDeadline() throws {
        let table = CompletedServerTransactions()
        table.insert(try entry("a", "old", at: start))
        table.insert(try entry("a", "new", at: start + .seconds(2)))
        #expect(table.removeExpired(at: start + .seconds(1)).expired.isEmpty)
        #expect(table[try key("a")]?.response == ByteBuffer(string: "new"))
        #expect(table.removeExpired(at: start + .seconds(2)).expired.count == 1)
        #expect(table.count == 0)
    }

    @Test func aResponseIsKeptInABufferOfItsOwnSize() throws {
        let kept = try entry("a", "SIP/2.0 200 OK\r\n\r\n", at: start).response
        #expect(kept.capacity < 64)
        #expect(kept == ByteBuffer(string: "SIP/2.0 200 OK\r\n\r\n"))
    }

    @Test func theTableStillAnswersAfterShrinkingFromABurst() throws {
        let table = CompletedServerTransactions()
        for index in 0..<2000 { table.insert(try entry("burst\(index)", "\(index)", at: start + .milliseconds(Int64(index)))) }
        // Removing 1,900 of 2,000 rebuilds the table; the rest must still be found and expire in order.
        let burst = table.removeExpired(at: start + .milliseconds(1899))
        #expect(burst.expired.count == 1900)
        #expect(!burst.burstEnded)
        #expect(table.count == 100)
        #expect(table[try key("burst1950")]?.response == ByteBuffer(string: "1950"))
        #expect(table.nextDeadline == start + .milliseconds(1900))
        let rest = table.removeExpired(at: start + .seconds(5))
        #expect(rest.expired.count == 100)
        #expect(rest.burstEnded)
    }
}
