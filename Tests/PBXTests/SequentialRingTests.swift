// SPDX-License-Identifier: Apache-2.0
import Dialplan
import Foundation
import NIOCore
import SIP
import SIPTransport
import Testing

@testable import PBX

/// The order and ringing times of a sequential ring group, and how long a dial rings.
@Suite("Sequential ring groups")
struct SequentialRingTests {
    static func member(_ number: String) throws -> [Binding] {
        let address = try SocketAddress(ipAddress: "127.0.0.1", port: 5060)
        let uri = try #require(URI("sip:\(number)@127.0.0.1"))
        return [
            Binding(
                extensionNumber: number, contact: NameAddr(uri: uri), expiresAt: .distantFuture, callID: "c", cseq: 1,
                flow: SIPFlow(kind: .udp, remote: address, local: address))
        ]
    }

    @Test func membersComeInOrderEachForItsTimeout() throws {
        let start = NIODeadline.uptimeNanoseconds(1_000_000_000)
        var ring = SequentialRing(
            remaining: [try Self.member("1001"), try Self.member("1002")], memberTimeout: .seconds(10),
            deadline: start + .seconds(25))
        let next = ring.next(now: start)
        let first = try #require(next)
        #expect(first.bindings.map(\.extensionNumber) == ["1001"])
        #expect(first.timeout == .seconds(10))
        let after = ring.next(now: start + .seconds(18))
        let second = try #require(after)
        #expect(second.bindings.map(\.extensionNumber) == ["1002"])
        #expect(second.timeout == .seconds(7), "cut to what is left of the whole dial")
        let last = ring.next(now: start + .seconds(19))
        #expect(last == nil, "no member left")
    }

    @Test func nothingAfterTheDeadline() throws {
        let start = NIODeadline.uptimeNanoseconds(1_000_000_000)
        var ring = SequentialRing(remaining: [try Self.member("1001")], memberTimeout: .seconds(10), deadline: start)
        let next = ring.next(now: start)
        #expect(next == nil)
    }

    @Test func dialTimeouts() {
        let sequential = DialStep(targets: [], strategy: .sequential, memberTimeout: 10)
        #expect(Call.dialTimeout(of: sequential, members: 3, default: 60) == 30, "each member in turn")
        let parallel = DialStep(targets: [], strategy: .parallel, memberTimeout: 10)
        #expect(Call.dialTimeout(of: parallel, members: 3, default: 60) == 10)
        let bounded = DialStep(targets: [], strategy: .sequential, memberTimeout: 10, timeout: 25)
        #expect(Call.dialTimeout(of: bounded, members: 3, default: 60) == 25)
        #expect(Call.dialTimeout(of: DialStep(targets: []), members: 1, default: 60) == 60)
    }
}
