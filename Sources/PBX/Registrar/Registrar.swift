// SPDX-License-Identifier: Apache-2.0
import Foundation
import Logging
import NIOCore
import SIP
import SIPStack
import SIPTransport
import Store

/// The registrar (RFC 3261 §10.3): authenticates REGISTER, updates the location service, and
/// answers with every current binding.
final class Registrar: Sendable {
    let policy: RegistrarPolicy
    let location: LocationService
    let journal: RegistrationJournal
    let authenticator: Authenticator
    let logger: Logger

    init(policy: RegistrarPolicy, location: LocationService, journal: RegistrationJournal, authenticator: Authenticator, logger: Logger) {
        self.policy = policy
        self.location = location
        self.journal = journal
        self.authenticator = authenticator
        self.logger = logger
    }

    /// Handles one REGISTER on its owner loop.
    func handle(_ request: SIPRequest, transaction: ServerTransaction, on shard: SIPStackShard) {
        authenticator.authenticate(request, transaction: transaction, on: shard) { [self] record, _ in
            register(request, for: record, transaction: transaction, on: shard.eventLoop)
        }
    }

    private func register(_ request: SIPRequest, for record: ExtensionRecord, transaction: ServerTransaction, on eventLoop: any EventLoop) {
        guard let aor = request.to?.uri.sipURI?.decodedUser, aor == record.number else {
            transaction.respond(status: 403, reason: "Forbidden (credentials of \(record.number) cannot register another extension)")
            return
        }
        let update: BindingUpdate
        do {
            update = try BindingUpdate(request: request, flow: transaction.flow, policy: policy)
        } catch {
            transaction.respond(status: error.status, reason: error.reason, headers: error.headers)
            return
        }
        let outcome = location.update(record.number) { bindings in update.apply(to: &bindings, of: record.number, policy: policy) }
        switch outcome {
        case .failure(let error):
            transaction.respond(status: error.status, reason: error.reason, headers: error.headers)
        case .success(let change):
            logRegistration(record.number, change: change, flow: transaction.flow)
            // Answer once the change is stored: an acknowledged binding survives a crash.
            journal.record(written: change.written, removed: change.removed, on: eventLoop).whenComplete { _ in
                transaction.respond(status: 200, headers: Self.contactHeaders(change.current) + [(.date, Self.httpDate())])
            }
        }
    }

    /// A stream connection closed: its bindings can no longer be reached (RFC 5626 §4.4.1).
    func flowDidClose(_ flow: SIPFlow, on eventLoop: any EventLoop) {
        guard flow.kind.isReliable else { return }
        let removed = location.removeAll { $0.flow == flow }
        journal.record(written: [], removed: removed, on: eventLoop)
        if !removed.isEmpty {
            logger.info("bindings dropped with their connection", metadata: ["flow": "\(flow)", "count": "\(removed.count)"])
        }
    }

    /// Removes one binding (its phone stopped answering keep-alives).
    func drop(_ binding: Binding, on eventLoop: any EventLoop) {
        let removed = location.update(binding.extensionNumber) { bindings -> [Binding] in
            let gone = bindings.filter { $0.contactURI == binding.contactURI }
            bindings.removeAll { $0.contactURI == binding.contactURI }
            return gone
        }
        if !removed.isEmpty { journal.record(written: [], removed: removed, on: eventLoop) }
    }

    /// Removes lapsed bindings; called periodically.
    func purgeExpired(on eventLoop: any EventLoop, now: Date = Date()) {
        let removed = location.removeAll(now: now)
        if !removed.isEmpty { journal.record(written: [], removed: removed, on: eventLoop) }
    }

    private func logRegistration(_ number: String, change: BindingChange, flow: SIPFlow) {
        logger.info(
            "registration",
            metadata: ["extension": "\(number)", "flow": "\(flow)", "contacts": "\(change.current.count)", "removed": "\(change.removed.count)"])
    }

    /// RFC 3261 §10.3 step 8: every current binding with its remaining time.
    static func contactHeaders(_ bindings: [Binding], now: Date = Date()) -> [(HeaderName, String)] {
        bindings.map { binding in
            var contact = binding.contact
            contact.parameters.set("expires", to: String(binding.secondsLeft(now: now)))
            return (.contact, contact.description)
        }
    }

    /// An RFC 1123 date for the Date header (RFC 3261 §20.17), always in GMT.
    static func httpDate(_ date: Date = Date()) -> String {
        var time = time_t(date.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&time, &parts)
        var buffer = [Int8](repeating: 0, count: 64)
        let count = strftime(&buffer, buffer.count, "%a, %d %b %Y %H:%M:%S GMT", &parts)
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
