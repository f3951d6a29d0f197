// SPDX-License-Identifier: Apache-2.0
import NIOCore

extension SIPServerLocator {
    /// The A then AAAA addresses of `name` as targets at `port`, both asked at once. IPv4 comes
    /// first because a PBX is more often reachable over IPv4; IPv6 stays in the list for
    /// failover. Fails only if both lookups fail.
    func addressTargets(
        of name: DNSName,
        port: Int,
        transport: SIPTransportKind,
        on loop: any EventLoop
    ) -> EventLoopFuture<[SIPServerTarget]> {
        let lookups = [DNSRecordType.a, .aaaa].map { type in
            resolver.query(name, type: type, on: loop).map { answer in
                answer.records.compactMap { record in
                    Self.address(of: record, port: port).map { SIPServerTarget(transport: transport, address: $0) }
                }
            }
        }
        return gather(lookups, on: loop)
    }

    /// The socket address an A or AAAA record gives, at `port`.
    static func address(of record: DNSResourceRecord, port: Int) -> SocketAddress? {
        switch record.data {
        case .a(let octets), .aaaa(let octets):
            return try? SocketAddress(packedIPAddress: ByteBuffer(bytes: octets), port: port)
        default:
            return nil
        }
    }

    /// The lists of `lookups` joined in their order. A lookup that failed is skipped as long as
    /// another one succeeded; if all failed, the first failure is reported.
    func gather(
        _ lookups: [EventLoopFuture<[SIPServerTarget]>],
        on loop: any EventLoop
    ) -> EventLoopFuture<[SIPServerTarget]> {
        EventLoopFuture.whenAllComplete(lookups, on: loop).flatMapThrowing { results in
            var targets: [SIPServerTarget] = []
            var firstFailure: (any Error)?
            var anySucceeded = results.isEmpty
            for result in results {
                switch result {
                case .success(let found):
                    targets += found
                    anySucceeded = true
                case .failure(let error):
                    firstFailure = firstFailure ?? error
                }
            }
            if !anySucceeded, let firstFailure { throw firstFailure }
            return targets
        }
    }
}
