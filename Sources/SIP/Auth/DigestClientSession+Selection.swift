// SPDX-License-Identifier: Apache-2.0

extension DigestClientSession {
    /// The session for the first challenge this client can answer, in the order the server
    /// sent them (RFC 8760 §2.4: the server lists its preferred algorithm first; a client uses
    /// the topmost one it supports). Throws the first challenge's problem when none fits.
    public static func first(
        answering challenges: [AuthChallenge],
        expectedRealm: String? = nil
    ) throws(DigestClientError) -> DigestClientSession {
        var firstError: DigestClientError?
        for challenge in challenges {
            do {
                return try DigestClientSession(challenge: challenge, expectedRealm: expectedRealm)
            } catch {
                firstError = firstError ?? error
            }
        }
        throw firstError ?? .missingParameter("WWW-Authenticate")
    }
}
