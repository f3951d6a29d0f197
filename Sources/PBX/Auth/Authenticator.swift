// SPDX-License-Identifier: Apache-2.0
import Foundation
import Logging
import NIOCore
import SIP
import SIPStack
import Store

/// What authentication decided about a request.
enum AuthOutcome {
    /// The request carries valid credentials of this extension.
    case authenticated(ExtensionRecord)
    /// Answer 401 with these headers (a fresh challenge, possibly stale=true).
    case challenge([(HeaderName, String)])
}

/// Digest authentication of requests from extensions (RFC 3261 §22.4), with failures counted
/// toward a ban of the source address.
final class Authenticator: Sendable {
    let directory: ExtensionDirectory
    let verifier: DigestVerifier
    let bans: BanList
    let onBan: @Sendable (BanRecord) -> Void
    let logger: Logger

    init(directory: ExtensionDirectory, verifier: DigestVerifier, bans: BanList, logger: Logger, onBan: @escaping @Sendable (BanRecord) -> Void) {
        self.directory = directory
        self.verifier = verifier
        self.bans = bans
        self.logger = logger
        self.onBan = onBan
    }

    /// Authenticates a request in its transaction: a challenge or a store failure is answered
    /// here (401, 500), and `authenticated` runs on the shard's loop with the caller's extension
    /// and the extensions as of this request.
    func authenticate(
        _ request: SIPRequest, transaction: ServerTransaction, on shard: SIPStackShard,
        authenticated: @escaping (ExtensionRecord, [String: ExtensionRecord]) -> Void
    ) {
        let source = transaction.flow.remote.ipAddress ?? ""
        directory.snapshot(on: shard.eventLoop).whenComplete { [self] result in
            switch result {
            case .success(let snapshot):
                switch decide(request, source: source, extensions: snapshot.extensions) {
                case .challenge(let headers): transaction.respond(status: 401, headers: headers)
                case .authenticated(let record): authenticated(record, snapshot.extensions)
                }
            case .failure(let error):
                logger.error("could not read extensions", metadata: ["error": "\(error)"])
                transaction.respond(status: 500, headers: [(.retryAfter, "5")])
            }
        }
    }

    private func decide(_ request: SIPRequest, source: String, extensions: [String: ExtensionRecord]) -> AuthOutcome {
        // The identity claimed: the address-of-record of a REGISTER (To), the caller of anything
        // else (From). Never the callee: its settings must not show in a stranger's challenge.
        let claimed = request.method == .register ? request.to : request.from
        let target = claimed?.uri.sipURI?.decodedUser.flatMap { extensions[$0] }
        let credentials = (try? request.credentials(in: .authorization)) ?? []
        let userAgent = request.headers.first(.userAgent)
        guard let offered = credentials.first(where: { $0.scheme.lowercased() == "digest" && $0.realm == verifier.realm }),
            let fields = DigestResponseFields(offered)
        else {
            return challenge(for: target, stale: false, userAgent: userAgent)
        }
        let record = extensions[fields.username]
        switch verifier.verify(fields, method: request.method.name, record: record) {
        case .authenticated:
            guard let record else { return challenge(for: target, stale: false, userAgent: userAgent) }
            return .authenticated(record)
        case .stale:
            return challenge(for: record, stale: true, userAgent: userAgent)
        case .replayed:
            return challenge(for: record, stale: false, userAgent: userAgent)
        case .failed(let reason):
            recordFailure(source: source, username: fields.username, reason: reason)
            return challenge(for: target, stale: false, userAgent: userAgent)
        }
    }

    private func challenge(for record: ExtensionRecord?, stale: Bool, userAgent: String?) -> AuthOutcome {
        .challenge(verifier.challenges(for: record, stale: stale, userAgent: userAgent).map { (.wwwAuthenticate, $0) })
    }

    private func recordFailure(source: String, username: String, reason: String) {
        logger.notice("authentication failed", metadata: ["source": "\(source)", "user": "\(username)", "reason": "\(reason)"])
        if let ban = bans.recordFailure(from: source) {
            logger.warning(
                "security: address banned after failed authentications",
                metadata: ["source": "\(source)", "failures": "\(ban.failures)", "until": "\(ban.bannedUntil)"])
            onBan(ban)
        }
    }
}

extension DigestResponseFields {
    /// The fields of a `Digest` credential; nil when a required one is missing.
    init?(_ credentials: AuthCredentials) {
        guard let username = credentials.username, let realm = credentials.realm, let nonce = credentials.nonce,
            let uri = credentials.uri, let response = credentials.response
        else { return nil }
        self.init(
            username: username, realm: realm, nonce: nonce, uri: uri, response: response,
            algorithm: credentials.algorithm, cnonce: credentials.cnonce, qop: credentials.qop, nc: credentials.nonceCount)
    }
}
