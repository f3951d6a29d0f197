// SPDX-License-Identifier: Apache-2.0
import Dialplan
import Foundation
import Logging
import NIOCore
import SIP
import SIPStack
import SIPTransport

/// Registers one trunk with its provider as a UAC (RFC 3261 §10.2): REGISTER with our
/// Contact, digest answers to 401/407, refresh before expiry, back-off after failures, and
/// Expires: 0 when asked to stop. Owned by one shard's loop: all its state is touched there.
final class TrunkRegistration: @unchecked Sendable {
    let trunk: TrunkDefinition
    let password: TrunkSecret.Outcome?
    let shard: SIPStackShard
    let routes: TrunkRoutes
    let policy: TrunkRegistrationPolicy
    let logger: Logger

    /// What `switchboard trunks` shows.
    var snapshot = TrunkRegistrationSnapshot()
    /// RFC 3261 §10.2.4: refreshes keep the Call-ID and From tag and raise the CSeq.
    let callID: String
    let fromTag = SIPIdentifiers.tag()
    var cseq: UInt32 = 0
    var flow: SIPFlow?
    /// Further flows of the current lookup, for failover.
    var targets: [SIPFlow] = []
    /// The expiry asked for; raised by a 423's Min-Expires (RFC 3261 §10.2.8).
    var requestedExpires: Int
    var auth: TrunkAuthorization?
    /// Whether the request in flight carries credentials from a challenge answered for the first time.
    var sentFreshCredentials = false
    /// Failed attempts in a row, for the back-off.
    var failures = 0
    /// Challenges answered in the current attempt, to stop a provider that never accepts.
    var challengesInAttempt = 0
    var timer: Scheduled<Void>?
    var isStopped = false
    var pendingUnregister: EventLoopPromise<Void>?

    init(
        trunk: TrunkDefinition, password: TrunkSecret.Outcome?, shard: SIPStackShard,
        routes: TrunkRoutes, policy: TrunkRegistrationPolicy, logger: Logger
    ) {
        self.trunk = trunk
        self.password = password
        self.shard = shard
        self.routes = routes
        self.policy = policy
        self.logger = logger
        self.callID = SIPIdentifiers.callID(shard: shard.index)
        self.requestedExpires = trunk.expires
    }

    /// Starts registering; a trunk whose secret cannot be read stays failed until a reload.
    func start() {
        shard.eventLoop.assertInEventLoop()
        if case .failure(let error) = password {
            snapshot.state = .failed
            snapshot.lastError = "password: \(error)"
            logger.error(
                "trunk cannot register: its password is missing",
                metadata: ["trunk": "\(trunk.name)", "error": "\(error)"])
            return
        }
        attempt()
    }

    /// Finds the provider and sends a REGISTER (again after a failure).
    func attempt() {
        guard !isStopped else { return }
        snapshot.state = .registering
        snapshot.retryAt = nil
        challengesInAttempt = 0
        routes.flows(for: trunk, on: shard.eventLoop)
            .hop(to: shard.eventLoop)
            .whenComplete { [self] result in
                guard !isStopped else { return }
                switch result {
                case .success(let found):
                    targets = found
                    flow = targets.removeFirst()
                    sendRegister(expires: requestedExpires)
                case .failure(let error):
                    failed(reason: "\(error)")
                }
            }
    }

    /// RFC 3263 §4.3: after a timeout, a transport error or a 503, the next target of the lookup
    /// is tried in the same attempt; false when none is left.
    func tryNextTarget(expires: Int) -> Bool {
        guard !targets.isEmpty else { return false }
        flow = targets.removeFirst()
        // A nonce is the issuing server's (RFC 3261 §22.4): the next server challenges afresh.
        auth = nil
        challengesInAttempt = 0
        logger.info("trunk fails over", metadata: ["trunk": "\(trunk.name)", "target": "\(flow?.description ?? "")"])
        sendRegister(expires: expires)
        return true
    }

    /// Sends Expires: 0 for a trunk that is registered (RFC 3261 §10.2.2) and stops; the future
    /// completes on the answer, a failure, or at once when there is nothing to remove.
    func unregister() -> EventLoopFuture<Void> {
        shard.eventLoop.assertInEventLoop()
        stop()
        guard snapshot.state == .registered, flow != nil else { return shard.eventLoop.makeSucceededVoidFuture() }
        let promise = shard.eventLoop.makePromise(of: Void.self)
        pendingUnregister = promise
        challengesInAttempt = 0
        sendRegister(expires: 0)
        return promise.futureResult
    }

    /// Stops refreshing and retrying.
    func stop() {
        isStopped = true
        timer?.cancel()
        timer = nil
    }

    /// Runs `work` on the loop after `seconds`, replacing any earlier timer.
    func schedule(after seconds: Double, _ work: @escaping () -> Void) {
        timer?.cancel()
        timer = shard.eventLoop.scheduleTask(in: .milliseconds(Int64(seconds * 1000))) { [weak self] in
            guard let self, !self.isStopped else { return }
            work()
        }
    }
}
