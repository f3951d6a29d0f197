// SPDX-License-Identifier: Apache-2.0
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import SIP
import SIPTransport
import Store

/// Writes registration changes to the store off the event loops, committing whatever has
/// gathered as one transaction (group commit). The registrar answers a REGISTER only once its
/// change is committed, so a restart or a kill -9 loses no acknowledged binding.
final class RegistrationJournal: Sendable {
    private struct Pending {
        var changes = RegistrationChanges()
        var waiters: [EventLoopPromise<Void>] = []
    }

    private let database: SwitchboardDatabase
    private let logger: Logger
    private let pending = NIOLockedValueBox(Pending())
    private let wakeUps: AsyncStream<Void>
    private let wakeUp: AsyncStream<Void>.Continuation

    init(database: SwitchboardDatabase, logger: Logger) {
        self.database = database
        self.logger = logger
        (wakeUps, wakeUp) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Records changes; the future completes on `loop` once they are committed (or failed to be,
    /// which is logged: the bindings stay valid in memory either way).
    @discardableResult
    func record(written: [Binding], removed: [Binding], on loop: any EventLoop) -> EventLoopFuture<Void> {
        let promise = loop.makePromise(of: Void.self)
        pending.withLockedValue { pending in
            pending.changes.deletions += removed.map { ($0.extensionNumber, $0.contactURI) }
            pending.changes.upserts += written.map(RegistrationRecord.init)
            pending.waiters.append(promise)
        }
        wakeUp.yield()
        return promise.futureResult
    }

    /// Commits batches until `finish()`, then commits what is left.
    func run() async {
        for await _ in wakeUps {
            await flush()
        }
        await flush()
    }

    /// Ends `run()` after a last commit.
    func finish() {
        wakeUp.finish()
    }

    private func flush() async {
        let batch = pending.withLockedValue { pending in
            defer { pending = Pending() }
            return pending
        }
        guard !batch.waiters.isEmpty else { return }
        do {
            try await database.apply(batch.changes)
        } catch {
            logger.error("could not store registrations", metadata: ["error": "\(error)"])
        }
        for waiter in batch.waiters { waiter.succeed(()) }
    }

    /// The bindings kept in the store, still live, with their flows mapped onto the current
    /// listeners (a restarted server may listen on other ports).
    func restore(listeners: [SIPBoundListener], now: Date = Date()) async -> [Binding] {
        do {
            _ = try await database.deleteExpiredRegistrations(now: now)
            return try await database.registrationRecords().compactMap { Binding($0, listeners: listeners) }
        } catch {
            logger.error("could not load registrations", metadata: ["error": "\(error)"])
            return []
        }
    }
}

extension RegistrationRecord {
    init(_ binding: Binding) {
        self.init(
            extensionNumber: binding.extensionNumber, contact: binding.contactURI, instanceID: binding.instanceID,
            regID: binding.regID, callID: binding.callID, cseq: Int64(binding.cseq), expiresAt: binding.expiresAt,
            q: binding.contact.qValue, transport: binding.flow.kind.rawValue,
            sourceAddress: binding.flow.remote.ipAddress ?? "", sourcePort: binding.flow.remote.port ?? 0,
            localListener: binding.flow.local.hostport, userAgent: binding.userAgent)
    }
}

extension Binding {
    /// A binding from its stored form; nil when the stored values no longer make sense.
    init?(_ record: RegistrationRecord, listeners: [SIPBoundListener]) {
        guard let kind = SIPTransportKind(rawValue: record.transport),
            let remote = try? SocketAddress(ipAddress: record.sourceAddress, port: record.sourcePort),
            let uri = URI(record.contact)
        else { return nil }
        let candidates = listeners.filter { $0.kind == kind && $0.address.protocol == remote.protocol }
        guard let local = (candidates.first { $0.address.hostport == record.localListener } ?? candidates.first)?.address
        else { return nil }
        var parameters: [GenericParameter] = []
        if let q = record.q { parameters.append(GenericParameter(name: "q", value: String(q))) }
        self.init(
            extensionNumber: record.extensionNumber, contact: NameAddr(uri: uri, parameters: parameters),
            expiresAt: record.expiresAt, callID: record.callID, cseq: UInt32(clamping: record.cseq),
            flow: SIPFlow(kind: kind, remote: remote, local: local), instanceID: record.instanceID,
            regID: record.regID, userAgent: record.userAgent)
    }
}
