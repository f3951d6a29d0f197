// SPDX-License-Identifier: Apache-2.0
import NIOCore

/// A stub resolver (RFC 1034 §5.3.1) over SwiftNIO: asks recursive nameservers, never blocks
/// an event loop, and caches answers for their TTL.
public final class DNSResolver: Sendable {
    /// Each nameserver is asked at most this many times for one query (RFC 1536 §1: retry, but
    /// boundedly, and move on to the next server between tries).
    static let rounds = 2
    /// Answers kept at most; a PBX looks up a handful of trunk hosts.
    static let cacheCapacity = 1024

    /// The nameservers asked, in order.
    public let nameservers: [SocketAddress]
    /// How long one attempt waits for an answer before the next nameserver is asked.
    public let timeout: TimeAmount
    private let group: any EventLoopGroup
    let cache = DNSCache(capacity: DNSResolver.cacheCapacity)

    /// A resolver asking `nameservers` (see `systemNameservers`), with sockets on `group`'s loops.
    public init(nameservers: [SocketAddress], group: any EventLoopGroup, timeout: TimeAmount = .seconds(2)) {
        self.nameservers = nameservers
        self.group = group
        self.timeout = timeout
    }

    /// Looks up the records of `type` for `name`, following CNAME records. The future is
    /// completed on `loop`; it fails only when no usable answer came (see `DNSResolverError`):
    /// NXDOMAIN and NODATA are answers. The longest it can take is
    /// `timeout` × `rounds` × number of nameservers, per alias followed.
    public func query(_ name: String, type: DNSRecordType, on loop: any EventLoop) -> EventLoopFuture<DNSAnswer> {
        do throws(DNSNameError) {
            return query(try DNSName(name), type: type, on: loop)
        } catch {
            return loop.makeFailedFuture(DNSResolverError.invalidName(name, error))
        }
    }

    /// Looks up the records of `type` for `name`; see `query(_:type:on:)`.
    public func query(_ name: DNSName, type: DNSRecordType, on loop: any EventLoop) -> EventLoopFuture<DNSAnswer> {
        let ioLoop = group.any()
        return ioLoop.flatSubmit {
            self.lookup(DNSQuestion(name: name, type: type), aliasesLeft: DNSMessage.maximumAliases, on: ioLoop)
        }.hop(to: loop)
    }

    private func lookup(_ question: DNSQuestion, aliasesLeft: Int, on loop: any EventLoop) -> EventLoopFuture<DNSAnswer>
    {
        if let cached = cache.answer(for: question, now: .now()) {
            return loop.makeSucceededFuture(cached)
        }
        return exchange(question, on: loop).flatMap { message in
            let meaning = message.meaning(for: question)
            if let alias = meaning.unresolvedAlias {
                guard aliasesLeft > 0 else {
                    return loop.makeFailedFuture(DNSResolverError.tooManyAliases(name: question.name))
                }
                let next = DNSQuestion(name: alias, type: question.type)
                return self.lookup(next, aliasesLeft: aliasesLeft - 1, on: loop)
            }
            if let ttl = meaning.ttl {
                self.cache.store(meaning.answer, for: question, ttl: ttl, now: .now())
            }
            return loop.makeSucceededFuture(meaning.answer)
        }
    }
}
