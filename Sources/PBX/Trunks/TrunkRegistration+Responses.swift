// SPDX-License-Identifier: Apache-2.0
import Foundation
import Logging
import SIP
import SIPStack

extension TrunkRegistration {
    /// Most challenges answered in one attempt before giving up on it (a provider that keeps
    /// sending new nonces without accepting any).
    static let maxChallengesPerAttempt = 4

    /// Acts on the outcome of a REGISTER that asked for `expires` seconds.
    func handle(_ event: ClientTransactionEvent, expires: Int) {
        // Once stopped, only the answer to the unregister matters.
        guard !isStopped || expires == 0 else { return }
        switch event {
        case .failed(let failure):
            if expires != 0, tryNextTarget(expires: expires) { return }
            failed(reason: failure == .timeout ? "no answer from the provider" : "cannot send to the provider")
        case .response(let response) where response.statusCode < 200:
            return
        case .response(let response):
            snapshot.lastStatus = response.statusCode
            snapshot.lastReason = response.reasonPhrase
            if expires == 0 {
                // A challenge to the unregister (e.g. a nonce gone stale) is answered once.
                if [401, 407].contains(response.statusCode), challengesInAttempt == 0 {
                    challenged(response, expires: 0)
                    return
                }
                finishUnregister()
                snapshot.state = .unregistered
                snapshot.expiresAt = nil
                logger.info(
                    "trunk unregistered", metadata: ["trunk": "\(trunk.name)", "status": "\(response.statusCode)"])
                return
            }
            switch response.statusCode {
            case 200..<300: registered(response, asked: expires)
            case 401, 407: challenged(response, expires: expires)
            case 423: tooBrief(response)
            case 503 where tryNextTarget(expires: expires): return
            default:
                failed(reason: "\(response.statusCode) \(response.reasonPhrase)", retryAfter: retryAfter(of: response))
            }
        }
    }

    private func registered(_ response: SIPResponse, asked: Int) {
        let granted = grantedExpiry(in: response) ?? asked
        guard granted > 0 else {
            failed(reason: "the provider registered no contact (expires 0)")
            return
        }
        failures = 0
        let level: Logger.Level = snapshot.state == .registered ? .debug : .info
        snapshot.state = .registered
        snapshot.lastError = nil
        snapshot.expiresAt = Date().addingTimeInterval(Double(granted))
        logger.log(level: level, "trunk registered", metadata: ["trunk": "\(trunk.name)", "expires": "\(granted)"])
        let delay = policy.refreshDelay(granted: granted)
        schedule(after: delay) { [weak self] in
            guard let self else { return }
            self.challengesInAttempt = 0
            self.sendRegister(expires: self.requestedExpires)
        }
    }

    /// RFC 3261 §10.2.4: the expiry the registrar granted is the `expires` of our Contact in the
    /// 200, else its Expires header.
    private func grantedExpiry(in response: SIPResponse) -> Int? {
        let mine = flow.flatMap { try? NameAddr(parsing: contact(over: $0), header: .contact) }?.uri
        let contacts = (try? response.contacts.addresses) ?? []
        if let mine, let ours = contacts.first(where: { $0.uri.isEquivalent(to: mine) }), let expires = ours.expires {
            return Int(expires)
        }
        return (try? response.expires).flatMap { $0 }.map(Int.init)
    }

    private func challenged(_ response: SIPResponse, expires: Int) {
        let isProxy = response.statusCode == 407
        let challenges = (try? response.challenges(in: isProxy ? .proxyAuthenticate : .wwwAuthenticate)) ?? []
        let stale = challenges.contains { $0.isStale }
        let status = "\(response.statusCode) \(response.reasonPhrase)"
        challengesInAttempt += 1
        guard case .success = password, trunk.digestUsername != nil else {
            failed(reason: "\(status): the trunk has no username and password to answer with")
            return
        }
        // A rejection of credentials just computed from a challenge, without stale=true, means
        // they are wrong (RFC 3261 §22.4); retrying at once would only hammer the provider.
        if (sentFreshCredentials && !stale) || challengesInAttempt > Self.maxChallengesPerAttempt {
            failed(reason: "\(status): the provider refused the credentials")
            return
        }
        do {
            let session = try DigestClientSession.first(answering: challenges, expectedRealm: trunk.realm)
            auth = TrunkAuthorization(session: session, header: isProxy ? .proxyAuthorization : .authorization)
            sendRegister(expires: expires)
        } catch {
            failed(reason: "\(status): \(error)")
        }
    }

    private func tooBrief(_ response: SIPResponse) {
        let minimum = response.headers.first(.minExpires).flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard let minimum, minimum > requestedExpires else {
            failed(reason: "423 Interval Too Brief without a usable Min-Expires")
            return
        }
        requestedExpires = minimum
        sendRegister(expires: requestedExpires)
    }

    /// The Retry-After seconds of a 500 or 503 (RFC 3261 §21.5.4, §20.33).
    private func retryAfter(of response: SIPResponse) -> Int? {
        guard [500, 503].contains(response.statusCode), let value = response.headers.first(.retryAfter) else {
            return nil
        }
        let seconds = value.prefix { $0.isNumber }
        return Int(seconds)
    }

    /// Records a failed attempt and schedules the next one after the back-off.
    func failed(reason: String, retryAfter: Int? = nil) {
        finishUnregister()
        guard !isStopped else { return }
        failures += 1
        let delay = policy.retryDelay(failures: failures, retryAfter: retryAfter)
        snapshot.state = .failed
        snapshot.lastError = reason
        snapshot.expiresAt = nil
        snapshot.retryAt = Date().addingTimeInterval(delay)
        logger.warning(
            "trunk registration failed",
            metadata: ["trunk": "\(trunk.name)", "reason": "\(reason)", "retry_in": "\(Int(delay))s"])
        schedule(after: delay) { [weak self] in self?.attempt() }
    }

    /// Completes a pending unregister (answered, failed, or given up on at shutdown).
    func finishUnregister() {
        pendingUnregister?.succeed()
        pendingUnregister = nil
    }
}
