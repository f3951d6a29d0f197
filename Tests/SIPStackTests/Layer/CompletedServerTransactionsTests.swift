// SPDX-License-Identifier: Apache-2.0
import NIOCore
import SIPTransport
import Testing

@testable import SIPStack

/// The completed-transaction table: entries answer until their deadline, in arrival order.
@Suite struct CompletedServerTransactionsTests {
    private func key(_ branch: String) throws -> TransactionKey {
        try #require(TransactionKey.rfc3261(role: .server, branch: "z9hG4bK" + branch, sentByHost: "127.0.0.1", sentByPort: 5062, method: "OPTIONS"))
    }

    private func entry(_ text: String, at deadline: NIODeadline) throws -> CompletedServerTransactions.Entry {
        let flow = SIPFlow(kind: .udp, remote: try SocketAddress(ipAddress: "127.0.0.1", port: 5062), local: try SocketAddress(ipAddress: "127.0.0.1", port: 5060))
        return .init(response: ByteBuffer(string: text), flow: flow, mergedKey: nil, deadline: deadline)
    }

    @Test func entriesExpireInOrderAtTheirDeadline() throws {
        let table = CompletedServerTransactions()
        let start = NIODeadline.uptimeNanoseconds(1_000_000_000)
        table.insert(try entry("first", at: start), for: try key("a"))
        table.insert(try entry("second", at: start + .seconds(1)), for: try key("b"))
        #expect(table.count == 2)
        #expect(table[try key("a")]?.response == ByteBuffer(string: "first"))
        #expect(table.nextDeadline == start)

        #expect(table.removeExpired(at: start - .nanoseconds(1)).isEmpty)
        #expect(table.removeExpired(at: start).map(\.response) == [ByteBuffer(string: "first")])
        #expect(table[try key("a")] == nil)
        #expect(table[try key("b")] != nil)
        #expect(table.nextDeadline == start + .seconds(1))
        #expect(table.removeExpired(at: start + .seconds(5)).count == 1)
        #expect(table.count == 0)
        #expect(table.nextDeadline == nil)
    }

    @Test func aKeyInsertedAgainLivesUntilItsNewDeadline() throws {
        let table = CompletedServerTransactions()
        let start = NIODeadline.uptimeNanoseconds(1_000_000_000)
        table.insert(try entry("old", at: start), for: try key("a"))
        table.insert(try entry("new", at: start + .seconds(2)), for: try key("a"))
        #expect(table.removeExpired(at: start + .seconds(1)).isEmpty)
        #expect(table[try key("a")]?.response == ByteBuffer(string: "new"))
        #expect(table.removeExpired(at: start + .seconds(2)).count == 1)
        #expect(table.count == 0)
    }
}
