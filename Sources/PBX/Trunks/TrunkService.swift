// SPDX-License-Identifier: Apache-2.0
import Dialplan
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import SIPStack

/// The trunks of the plan in force: reads their secrets, registers those with `register: true`,
/// follows reloads (added, removed and changed trunks), and unregisters at shutdown.
/// Registrations live on one shard's loop; the secrets can be read from any thread.
final class TrunkService: @unchecked Sendable {
    let shard: SIPStackShard
    /// How trunk hosts become addresses (RFC 3263 through DNS, or literals only); see `routes`.
    let resolver: any TrunkAddressResolving
    let policy: TrunkRegistrationPolicy
    let logger: Logger
    /// Calls in progress per trunk, counted by the calls themselves.
    let usage = TrunkUsage()
    private let environment: [String: String]
    /// Every trunk of the plan, by name (touched on `shard.eventLoop`).
    private var trunks: [String: TrunkDefinition] = [:]
    /// The registering trunks' registrations (touched on `shard.eventLoop`).
    private var registrations: [String: TrunkRegistration] = [:]
    private let secrets = NIOLockedValueBox<[String: TrunkSecret.Outcome]>([:])
    /// The lookups of the trunks' providers, shared by registrations and calls: for an
    /// outbound call, `routes.flows(for: trunk, on: loop)` gives the flows to try in order (the
    /// next one after a timeout, transport error or 503, RFC 3263 §4.3), with TLS set up as the
    /// trunk says; for inbound source matching, `routes.targets(for: trunk, on: loop)` gives
    /// the provider's current addresses (DNS answers are cached for their TTL, so asking again
    /// follows DNS changes).
    let routes: TrunkRoutes

    init(
        shard: SIPStackShard, resolver: any TrunkAddressResolving = LiteralTrunkAddressResolver(),
        policy: TrunkRegistrationPolicy, logger: Logger,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.shard = shard
        self.resolver = resolver
        self.policy = policy
        self.logger = logger
        self.environment = environment
        self.routes = TrunkRoutes(resolver: resolver, transport: shard.transport)
    }

    /// The password of a trunk, when it has one and it could be read.
    func password(of trunk: String) -> String? {
        guard case .success(let password)? = secrets.withLockedValue({ $0[trunk] }) else { return nil }
        return password
    }

    /// Takes the trunks of a newly loaded plan: reads their secrets again, starts registering
    /// new trunks, unregisters removed ones and restarts changed ones.
    func apply(_ definitions: [String: TrunkDefinition]) -> EventLoopFuture<Void> {
        let read = readSecrets(of: definitions)
        return shard.eventLoop.flatSubmit { [self] in
            let previous = secrets.withLockedValue { current in
                defer { current = read }
                return current
            }
            var unregistering: [EventLoopFuture<Void>] = []
            for (name, registration) in registrations
            where definitions[name] != registration.trunk || !Self.same(previous[name], read[name]) {
                unregistering.append(registration.unregister())
                registrations[name] = nil
            }
            trunks = definitions
            for trunk in definitions.values.sorted(by: { $0.name < $1.name })
            where trunk.register && registrations[trunk.name] == nil {
                let registration = TrunkRegistration(
                    trunk: trunk, password: read[trunk.name], shard: shard, routes: routes, policy: policy,
                    logger: logger)
                registrations[trunk.name] = registration
                registration.start()
            }
            return EventLoopFuture.andAllComplete(unregistering, on: shard.eventLoop)
        }
    }

    /// Unregisters every registered trunk, waiting at most `policy.unregisterTimeout` for answers.
    func stop() -> EventLoopFuture<Void> {
        shard.eventLoop.flatSubmit { [self] in
            let pending = Array(registrations.values)
            let answers = pending.map { $0.unregister() }
            // A provider that does not answer must not hold up the shutdown.
            let deadline = shard.eventLoop.scheduleTask(in: .milliseconds(Int64(policy.unregisterTimeout * 1000))) {
                for registration in pending { registration.finishUnregister() }
            }
            return EventLoopFuture.andAllComplete(answers, on: shard.eventLoop).always { _ in deadline.cancel() }
        }
    }

    /// Each trunk's state, by name.
    func report(now: Date = Date()) -> EventLoopFuture<TrunksReport> {
        shard.eventLoop.submit { [self] in
            TrunksReport(trunks: trunks.values.sorted { $0.name < $1.name }.map { entry(for: $0, now: now) })
        }
    }

    private func entry(for trunk: TrunkDefinition, now: Date) -> TrunksReport.Entry {
        var snapshot = registrations[trunk.name]?.snapshot ?? TrunkRegistrationSnapshot()
        if case .failure(let error)? = secrets.withLockedValue({ $0[trunk.name] }), snapshot.lastError == nil {
            snapshot.lastError = "password: \(error)"
        }
        return TrunksReport.Entry(
            name: trunk.name, host: trunk.host, port: trunk.port, transport: trunk.transport?.rawValue,
            register: trunk.register, state: snapshot.state, lastStatus: snapshot.lastStatus,
            lastReason: snapshot.lastReason, lastError: snapshot.lastError,
            expiresIn: snapshot.expiresAt.map { max(0, Int($0.timeIntervalSince(now).rounded())) },
            retryIn: snapshot.retryAt.map { max(0, Int($0.timeIntervalSince(now).rounded())) },
            activeCalls: usage.active(trunk.name))
    }

    private func readSecrets(of definitions: [String: TrunkDefinition]) -> [String: TrunkSecret.Outcome] {
        var read: [String: TrunkSecret.Outcome] = [:]
        for trunk in definitions.values {
            guard let reference = trunk.password else { continue }
            do {
                read[trunk.name] = .success(try TrunkSecret.read(reference, environment: environment))
            } catch {
                read[trunk.name] = .failure(error)
                logger.error(
                    "trunk password cannot be read",
                    metadata: ["trunk": "\(trunk.name)", "source": "\(reference)", "error": "\(error)"])
            }
        }
        return read
    }

    private static func same(_ a: TrunkSecret.Outcome?, _ b: TrunkSecret.Outcome?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (.success(let x)?, .success(let y)?): return x == y
        case (.failure(let x)?, .failure(let y)?): return x.description == y.description
        default: return false
        }
    }
}
