// SPDX-License-Identifier: Apache-2.0
import Foundation
import NIOCore
import SDP
import SIP
import SIPStack
import SIPTransport

extension Call {
    /// Rings every binding at once (RFC 3261 §16.6-style parallel fork); the first 2xx wins.
    func ring(_ bindings: [Binding], timeout: TimeInterval, maxForwards: Int) {
        state = .ringing
        for binding in bindings { startBranch(to: binding, maxForwards: maxForwards) }
        startRingTimer(timeout)
    }

    /// Ends the ringing after `timeout` seconds unless someone answered (or it ended) before.
    func startRingTimer(_ timeout: TimeInterval) {
        ringGeneration += 1
        let generation = ringGeneration
        shard.eventLoop.scheduleTask(in: .milliseconds(Int64(timeout * 1000))) { [weak self] in
            guard let self, self.ringGeneration == generation else { return }
            self.ringTimedOut()
        }
    }

    private func startBranch(to binding: Binding, maxForwards: Int) {
        let flow = binding.flow
        var headers = SIPHeaders()
        let callerName = callerDisplayName.map { "\"\($0)\" " } ?? ""
        headers.add(.from, "\(callerName)<sip:\(SIPURI.escapeUser(caller))@\(environment.domain)>;tag=\(SIPIdentifiers.tag())")
        headers.add(.to, "<sip:\(SIPURI.escapeUser(callee))@\(environment.domain)>")
        headers.add(.callID, SIPIdentifiers.callID(shard: shard.index))
        headers.add(.cseq, "1 INVITE")
        headers.add(.maxForwards, String(maxForwards))
        headers.add(.contact, shard.contact(for: flow))
        headers.add(.allow, SIPEndpoint.allowedMethods.map(\.name).joined(separator: ", "))
        if let diversion {
            let original = "<sip:\(SIPURI.escapeUser(diversion.original))@\(environment.domain)>"
            headers.add(.diversion, "\(original);reason=\(diversion.reason);counter=\(hops + 1)")
            headers.add(.historyInfo, "\(original);index=1, <\(binding.contact.uri)>;index=1.1")
        }
        var body = ByteBuffer()
        if let offer = calleeOfferBody() {
            body = offer
            headers.add(.contentType, "application/sdp")
        }
        let request = SIPRequest(method: .invite, uri: binding.contact.uri, headers: headers, body: body)
        let branch = CalleeBranch(binding: binding, dialog: Dialog(uacFor: request, flow: flow), inviteCSeq: 1)
        branches.append(branch)
        environment.registry.register(DialogKey(callID: branch.dialog.callID, localTag: branch.dialog.localTag), call: self, side: .callee)
        branch.transaction = shard.sendRequest(request, over: flow) { [weak self, weak branch] event in
            guard let self, let branch else { return }
            self.branch(branch, received: event)
        }
    }

    func branch(_ branch: CalleeBranch, received event: ClientTransactionEvent) {
        switch event {
        case .response(let response) where response.statusCode < 200:
            branchRinging(branch, response)
        case .response(let response) where response.statusCode < 300:
            branchAnswered(branch, response)
        case .response(let response):
            branch.state = .failed(response.statusCode)
            branchFailed()
        case .failed(let failure):
            branch.state = .failed(failure == .timeout ? 408 : 503)
            branchFailed()
        }
    }

    /// Relays a provisional response faithfully: 180 stays 180 (with SDP if it has one), 183
    /// stays 183, and a 180 after a 183 is not dropped.
    private func branchRinging(_ branch: CalleeBranch, _ response: SIPResponse) {
        guard response.statusCode > 100, state == .ringing else { return }
        if branch.state == .calling { branch.state = .ringing }
        if response.to?.tag != nil { branch.dialog.update(from: response) }
        // A caller already hearing Switchboard's own media keeps hearing it; a queue's caller
        // hears the queue (182s), not the members' phones.
        guard callerLeg == .unanswered, queueSession == nil else { return }
        var provisional = SIPResponse(replyingTo: callerInvite.request, status: response.statusCode, reason: response.reasonPhrase, toTag: callerInvite.localTag)
        provisional.headers.add(.contact, shard.contact(for: callerInvite.flow))
        if let sdp = try? Self.sessionDescription(of: response.body, contentType: response.contentType),
            let relayed = relay(sdp, from: .callee, to: .caller)
        {
            provisional.headers.add(.contentType, "application/sdp")
            provisional.body = relayed
        }
        callerInvite.respond(provisional)
    }

    func branchFailed() {
        guard state == .ringing, winner == nil, !branches.contains(where: \.isPending) else { return }
        if ringNextMember() { return }
        let statuses = branches.compactMap { branch -> Int? in
            if case .failed(let status) = branch.state { return status }
            return nil
        }
        dialFinished(status: FinalResponsePolicy.choose(statuses))
    }

    /// No one answered in time: cancel every branch and tell the caller (RFC 3261 §9.1).
    private func ringTimedOut() {
        guard state == .ringing, winner == nil else { return }
        for branch in branches where branch.isPending {
            branch.state = .cancelled
            branch.transaction?.cancel()
        }
        if ringNextMember() { return }
        dialFinished(status: 480, reason: "Temporarily Unavailable (no answer)")
    }

    /// The caller cancelled (RFC 3261 §9.2): cancel every branch; the stack already answered 200
    /// to the CANCEL, the INVITE gets 487.
    func callerCancelled() {
        guard state == .ringing || state == .routing else { return }
        for branch in branches where branch.isPending {
            branch.state = .cancelled
            branch.transaction?.cancel()
        }
        rejectCaller(status: 487, hangupSide: .caller)
    }

    /// Ends an unanswered call with a final response to the caller.
    /// A caller Switchboard already answered gets a BYE instead.
    func rejectCaller(status: Int, reason: String? = nil, hangupSide: CallSide?) {
        guard !isAnswered else {
            endAnsweredCall(hangupSide: hangupSide)
            return
        }
        callerInvite.respond(status: status, reason: reason)
        finish(status: status, hangupSide: hangupSide)
    }
}
