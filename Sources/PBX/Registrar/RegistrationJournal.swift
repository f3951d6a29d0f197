// SPDX-License-Identifier: Apache-2.0
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import SIP
import SIPTransport
import Store

/// Writes registration changes to the store behind the call path: the registrar records each
/// change here (no waiting), and a background task commits them in batches, so a restart or a
/// kill -9 loses at most the last fraction of a second.
final class RegistrationJournal: Sendable {
    private let database: SwitchboardDatabase
    private let logger: Logger
    private let pending = NIOLockedValueBox(RegistrationChanges())
    static let flushInterval: Duration = .milliseconds(50)

    init(database: SwitchboardDatabase, logger: Logger) {
        self.database = database
        self.logger = logger
    }

    func recordUpsert(_ binding: Binding) {
        let record = RegistrationRecord(binding)
        pending.withLockedValue { $0.upserts.append(record) }
    }

    func recordDeletion(_ binding: Binding) {
        pending.withLockedValue { $0.deletions.append((binding.extensionNumber, binding.contactURI)) }
    }

    /// Commits batches until the task is cancelled, then commits what is left.
    func run() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: Self.flushInterval)
            await flush()
        }
        await flush()
    }

    /// Commits what has been recorded so far.
    func flush() async {
        let changes = pending.withLockedValue { pending in
            defer { pending = RegistrationChanges() }
            return pending
        }
        guard !changes.isEmpty else { return }
        do {
            try await database.apply(changes)
        } catch {
            logger.error("could not store registrations", metadata: ["error": "\(error)"])
        }
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
