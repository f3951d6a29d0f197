// SPDX-License-Identifier: Apache-2.0
import Dialplan
import SIP
import SIPStack

extension Call {
    /// Most challenges one INVITE answers: a proxy's and the provider's (RFC 3261 §22.3), and a
    /// renewed nonce (`stale=true`).
    static let maximumTrunkChallenges = 3

    /// RFC 3261 §22.2-22.3: answers a trunk's 401 or 407 to the INVITE with the trunk's
    /// credentials: the same INVITE again with CSeq + 1, the same Call-ID and From tag, and
    /// Authorization (401) or Proxy-Authorization (407). The transaction has already ACKed the
    /// challenge (§17.1.1.3). A realm challenging again without `stale=true` refused the
    /// credentials: false, as for a challenge that cannot be answered.
    func answerChallenge(_ response: SIPResponse, branch: CalleeBranch, attempt: TrunkAttempt, dial: TrunkDial) -> Bool
    {
        guard let sent = branch.transaction?.request, attempt.challengesAnswered < Self.maximumTrunkChallenges else {
            return false
        }
        let header: HeaderName = response.statusCode == 407 ? .proxyAuthorization : .authorization
        let challengeHeader: HeaderName = response.statusCode == 407 ? .proxyAuthenticate : .wwwAuthenticate
        let challenges = ((try? response.challenges(in: challengeHeader)) ?? []).filter { challenge in
            !attempt.answeredRealms.contains(challenge.realm ?? "") || challenge.isStale
        }
        guard
            let (challenge, credentials) = trunkCredentials(
                answering: challenges, trunk: attempt.trunk, uri: sent.uri.description)
        else {
            environment.logger.warning(
                "trunk challenge not answered",
                metadata: ["trunk": "\(attempt.trunk.name)", "status": "\(response.statusCode)"])
            return false
        }
        attempt.challengesAnswered += 1
        attempt.answeredRealms.insert(challenge.realm ?? "")
        var request = sent
        request.headers.removeAll(.via)
        // A credential for the same realm is replaced; one for another realm (the proxy's) stays.
        let others = request.headers.values(header).filter { value in
            (try? AuthCredentials(parsing: value, header: header))?.realm != challenge.realm
        }
        request.headers.removeAll(header)
        for value in others + [credentials] { request.headers.add(header, value) }
        let cseq = (sent.cseq?.sequence ?? branch.inviteCSeq) + 1
        request.headers.replace(.cseq, with: "\(cseq) INVITE")
        branch.dialog = Dialog(uacFor: request, flow: branch.dialog.flow)
        branch.inviteCSeq = cseq
        sendTrunkInvite(request, branch: branch, attempt: attempt, dial: dial)
        return true
    }
}

extension Call {
    /// The first challenge of `challenges` the trunk can answer (RFC 8760 §2.4: in the server's
    /// order), with the credentials for the INVITE to `uri`; nil without a password, or when no
    /// challenge fits (another realm than the trunk's `realm`, an unknown algorithm).
    private func trunkCredentials(answering challenges: [AuthChallenge], trunk: TrunkDefinition, uri: String)
        -> (challenge: AuthChallenge, credentials: String)?
    {
        guard let username = trunk.digestUsername, let password = environment.trunks.service.password(of: trunk.name)
        else {
            return nil
        }
        for challenge in challenges {
            guard var session = try? DigestClientSession(challenge: challenge, expectedRealm: trunk.realm),
                let credentials = try? session.credentials(
                    username: username, password: password, method: "INVITE", uri: uri)
            else { continue }
            return (challenge, credentials.description)
        }
        return nil
    }
}
