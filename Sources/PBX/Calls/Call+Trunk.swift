// SPDX-License-Identifier: Apache-2.0
import Dialplan
import Foundation
import NIOCore
import SIP
import SIPStack
import SIPTransport

extension Call {
    /// Longest wait for any response (even `100 Trying`) from a trunk before trying the next:
    /// Timer B's 32 seconds is far too long for a caller to hear silence.
    static let trunkFirstResponseTimeout: TimeAmount = .seconds(4)

    /// Calls `number` through `trunks`, one after another until one takes the call (failover,
    /// see `TrunkFailoverPolicy`); the ring timeout covers them all.
    func dialTrunks(_ trunks: [String], number: String, timeout: TimeInterval) {
        // An earlier dial's trunk line is free again; the trunk the call came in on stays taken.
        trunkDial?.leaveCurrentTrunk()
        let dial = TrunkDial(number: number, trunks: trunks)
        trunkDial = dial
        state = .ringing
        startRingTimer(timeout)
        tryNextTrunk(dial)
    }

    /// Gives back every trunk slot the call holds (its outbound trunk, the trunk it came from).
    func releaseTrunkSlots() {
        trunkDial?.leaveCurrentTrunk()
        inboundTrunkSlot?.release()
    }

    /// The next address of the current trunk, else the next trunk with room, else the end.
    private func tryNextTrunk(_ dial: TrunkDial) {
        guard state == .ringing, winner == nil else { return }
        if let current = dial.current, let server = current.addresses.first {
            dial.current?.addresses.removeFirst()
            startTrunkBranch(current.trunk, to: server, dial: dial)
            return
        }
        dial.leaveCurrentTrunk()
        while let name = dial.remainingTrunks.popFirst() {
            guard let trunk = environment.trunkDefinitions[name] else {
                dial.skipped.append(503)
                continue
            }
            guard let slot = TrunkSlot(trunk: name, limit: trunk.maxCalls, usage: environment.trunks.usage) else {
                environment.logger.notice(
                    "trunk full, trying the next", metadata: ["call": "\(id)", "trunk": "\(name)"])
                dial.skipped.append(503)
                continue
            }
            locate(trunk, slot: slot, dial: dial)
            return
        }
        trunkDialFailed(dial)
    }

    private func locate(_ trunk: TrunkDefinition, slot: TrunkSlot, dial: TrunkDial) {
        let hop = TrunkCallRoute(trunk: trunk).nextHop
        environment.trunks.resolver.locate(
            host: hop.host, port: hop.port, transport: hop.transport, on: shard.eventLoop
        )
        .whenComplete { [weak self] result in
            // The call ended or was answered while the trunk was being located.
            guard let self, self.state == .ringing, self.winner == nil else { return slot.release() }
            switch result {
            case .success(let addresses) where !addresses.isEmpty:
                dial.current = (trunk, slot, addresses[...])
            case .success:
                slot.release()
                dial.skipped.append(503)
            case .failure(let error):
                self.environment.logger.warning(
                    "trunk not reachable", metadata: ["trunk": "\(trunk.name)", "error": "\(error)"])
                slot.release()
                dial.skipped.append(503)
            }
            self.tryNextTrunk(dial)
        }
    }

    private func startTrunkBranch(_ trunk: TrunkDefinition, to server: TrunkTarget, dial: TrunkDial) {
        guard let local = shard.transport.localAddress(kind: server.transport, matching: server.address) else {
            environment.logger.warning(
                "no listener to reach trunk",
                metadata: [
                    "trunk": "\(trunk.name)", "address": "\(server.transport.rawValue) \(server.address.hostport)",
                ])
            dial.skipped.append(503)
            return tryNextTrunk(dial)
        }
        if server.transport == .tls {
            // Checked as the trunk says (tls_verify, tls_ca_file), like its registration.
            shard.transport.useTLS(TrunkRoutes.tlsOptions(for: trunk), toward: server.address)
        }
        guard let body = trunkOffer(for: trunk) else {
            // RFC 3264 §6: nothing the trunk allows is on offer; another trunk may allow it.
            dial.skipped.append(488)
            dial.leaveCurrentTrunk()
            return tryNextTrunk(dial)
        }
        let flow = SIPFlow(kind: server.transport, remote: server.address, local: local)
        let request = trunkInvite(to: trunk, number: dial.number, over: flow, body: body)
        let branch = CalleeBranch(binding: nil, dialog: Dialog(uacFor: request, flow: flow), inviteCSeq: 1)
        branches.append(branch)
        environment.registry.register(
            DialogKey(callID: branch.dialog.callID, localTag: branch.dialog.localTag), call: self, side: .callee)
        let attempt = TrunkAttempt(trunk: trunk, server: server)
        environment.logger.info(
            "calling through trunk",
            metadata: [
                "call": "\(id)", "trunk": "\(trunk.name)",
                "address": "\(server.transport.rawValue) \(server.address.hostport)",
            ])
        sendTrunkInvite(request, branch: branch, attempt: attempt, dial: dial)
        shard.eventLoop.scheduleTask(in: Self.trunkFirstResponseTimeout) { [weak self, weak branch] in
            guard let self, let branch, branch.isPending, !attempt.responded else { return }
            branch.transaction?.cancel()
            self.trunkBranchFailed(branch, status: 408, dial: dial)
        }
    }

    /// The caller's offer as the trunk gets it (its codecs only, pointed at the relay); an empty
    /// body for a late offer; nil when none of the offered codecs is allowed.
    private func trunkOffer(for trunk: TrunkDefinition) -> ByteBuffer? {
        // A caller Switchboard has answered already agreed a G.711 codec with it: offer only that.
        if callerLeg != .unanswered { return calleeOfferBody() }
        guard let callerOffer else { return ByteBuffer() }
        let allowed = trunk.codecs.isEmpty ? callerOffer : TrunkCodecFilter(codecs: trunk.codecs).filter(callerOffer)
        guard let allowed else { return nil }
        return relay(allowed, from: .caller, to: .callee) ?? ByteBuffer()
    }

    /// A new INVITE (new Call-ID and From tag) for `number` through `trunk` over `flow`.
    private func trunkInvite(to trunk: TrunkDefinition, number: String, over flow: SIPFlow, body: ByteBuffer)
        -> SIPRequest
    {
        let builder = TrunkInviteBuilder(
            trunk: trunk, number: number, dialplanCallerNumber: dialplanCallerNumber, callerNumber: caller,
            callerName: callerDisplayName)
        return builder.invite(
            route: TrunkCallRoute(trunk: trunk),
            contact: shard.contact(for: flow, user: SIPURI.escapeUser(builder.contactUser)),
            callID: SIPIdentifiers.callID(shard: shard.index), fromTag: SIPIdentifiers.tag(), maxForwards: maxForwards,
            body: body)
    }

    /// Sends an INVITE of a trunk branch in a new client transaction.
    func sendTrunkInvite(_ request: SIPRequest, branch: CalleeBranch, attempt: TrunkAttempt, dial: TrunkDial) {
        branch.transaction = shard.sendRequest(request, over: branch.dialog.flow) { [weak self, weak branch] event in
            guard let self, let branch else { return }
            self.trunkBranch(branch, attempt: attempt, dial: dial, received: event)
        }
    }

    private func trunkBranch(
        _ branch: CalleeBranch, attempt: TrunkAttempt, dial: TrunkDial, received event: ClientTransactionEvent
    ) {
        if case .response = event { attempt.responded = true }
        guard branch.isPending else {
            // A 2xx from a trunk given up on (no answer in time): it must not win now.
            if case .response(let response) = event, (200..<300).contains(response.statusCode), branch !== winner {
                branch.dialog.update(from: response)
                acknowledgeAndHangUp(branch)
            }
            return
        }
        switch event {
        case .response(let response) where response.statusCode == 401 || response.statusCode == 407:
            if !answerChallenge(response, branch: branch, attempt: attempt, dial: dial) {
                trunkBranchFailed(branch, status: response.statusCode, dial: dial)
            }
        case .response(let response) where response.statusCode >= 300:
            trunkBranchFailed(branch, status: response.statusCode, dial: dial)
        case .failed(let failure):
            trunkBranchFailed(branch, status: failure == .timeout ? 408 : 503, dial: dial)
        case .response:
            self.branch(branch, received: event)
        }
    }

    private func trunkBranchFailed(_ branch: CalleeBranch, status: Int, dial: TrunkDial) {
        // A trunk refusing Switchboard's credentials is a trunk out of service to the caller, who
        // must never see a challenge it cannot answer (RFC 3261 §16.7 step 6 keeps 401/407 to
        // the proxy that can).
        branch.state = .failed(status == 401 || status == 407 ? 503 : status)
        guard state == .ringing, winner == nil else { return }
        environment.logger.info(
            "trunk call failed",
            metadata: ["call": "\(id)", "trunk": "\(dial.current?.trunk.name ?? "")", "status": "\(status)"])
        if TrunkFailoverPolicy.triesNextTrunk(after: status) {
            tryNextTrunk(dial)
        } else {
            trunkDialFailed(dial)
        }
    }

    /// Every try failed, or one failed in a way no other trunk changes: tell the caller (or run
    /// the dial's fallback). Only "no trunk could take it" (all 503) is passed on as 503.
    private func trunkDialFailed(_ dial: TrunkDial) {
        dial.leaveCurrentTrunk()
        dial.remainingTrunks = []
        let sent = branches.compactMap { branch -> Int? in
            if case .failed(let status) = branch.state { return status }
            return nil
        }
        let statuses = sent + dial.skipped
        guard !statuses.allSatisfy({ $0 == 503 }) else {
            return dialFinished(status: 503, reason: "Service Unavailable (no trunk could take the call)")
        }
        dialFinished(status: FinalResponsePolicy.choose(statuses))
    }
}
