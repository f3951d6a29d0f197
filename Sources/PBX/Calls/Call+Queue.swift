// SPDX-License-Identifier: Apache-2.0
import Dialplan
import Foundation
import NIOCore
import SIP

extension Call {
    /// The `queue` step: the caller joins the queue's line and waits, told its position with
    /// `182 Queued` (or, with `answer: true`, answered and told by prompts), until a member
    /// answers, the wait ends (`on_no_answer`) or the queue refuses it (`on_unavailable`).
    /// With `answer: true` Switchboard first answers as the `answer` step does, and the caller
    /// joins once its ACK came.
    func queueStep(_ step: QueueStep, _ routed: RoutedStep) {
        if step.queue.answersFirst, callerOffer != nil, callerLeg != .answered {
            answerStep(then: [routed])
            return
        }
        queueSession = QueueSession(step: step)
        state = .ringing
        let loop = shard.eventLoop
        let call = NIOLoopBound(WeakCall(self), eventLoop: loop)
        let handle = QueuedCallHandle(callerID: id) { event in
            loop.execute { call.value.call?.queueEvent(event) }
        }
        environment.queues.join(step.queue, handle: handle)
    }

    /// A message from the queue. Offers to a call that is no longer waiting are dropped: the
    /// queue frees those members when the call's departure reaches it.
    func queueEvent(_ event: QueueEvent) {
        guard let session = queueSession, session.phase == .waiting, state == .ringing else { return }
        switch event {
        case .position(let announcement):
            let first = session.announcement == nil
            session.announcement = announcement
            if callerLeg == .answered {
                if first { startAnsweredQueueMedia(session) }
            } else {
                sendQueued(announcement, session)
            }
        case .offer(let members, let timeout):
            offerCall(to: members, timeout: timeout, session)
        case .unavailable:
            leaveQueue(session, taking: session.step.onUnavailable, reason: "Temporarily Unavailable (queue \(session.name) is not taking calls)")
        case .timedOut:
            leaveQueue(session, taking: session.step.onNoAnswer, reason: "Temporarily Unavailable (no answer in queue \(session.name))")
        }
    }

    /// RFC 3261 §21.1.4: `182 Queued`, its reason phrase stating the position and expected
    /// wait. With a music class it carries Switchboard's SDP answer (early media, RFC 3960
    /// §3) and the music starts; without one it carries none, so phones play their own ringback.
    private func sendQueued(_ announcement: QueueAnnouncement, _ session: QueueSession) {
        let sdp = session.step.music == nil ? nil : queuedEarlyMedia(session)
        guard state == .ringing else { return }
        var provisional = SIPResponse(
            replyingTo: callerInvite.request, status: 182, reason: announcement.reasonPhrase, toTag: callerInvite.localTag)
        provisional.headers.add(.contact, shard.contact(for: callerInvite.flow))
        if let sdp {
            provisional.headers.add(.contentType, "application/sdp")
            provisional.body = sdp
        }
        callerInvite.respond(provisional)
        if sdp != nil { startQueueMusic(session) }
    }

    /// Rings the members' registered phones, as a `dial` rings an extension's.
    private func offerCall(to members: [String], timeout: Int, _ session: QueueSession) {
        let bindings = members.flatMap { environment.location.bindings(of: $0) }
        guard !bindings.isEmpty else {
            environment.queues.offerEnded(queue: session.name, callerID: id, answeredBy: nil)
            return
        }
        environment.logger.debug("queue offers call", metadata: ["call": "\(id)", "queue": "\(session.name)", "members": "\(members)"])
        ring(bindings, timeout: TimeInterval(timeout), maxForwards: maxForwards)
    }

    /// The members rung did not answer (timeout or failure): the queue tries again. Returns
    /// false when the call is not waiting in a queue, for the dial step's own handling.
    func queueOfferUnanswered() -> Bool {
        guard let session = queueSession, session.phase == .waiting else { return false }
        environment.queues.offerEnded(queue: session.name, callerID: id, answeredBy: nil)
        return true
    }

    /// A member's phone answered: the queue forgets the caller and the music stops; the call
    /// is then connected as any answered dial is.
    func queueMemberAnswered(_ branch: CalleeBranch) {
        // Queues ring only registered phones of extensions, so a queue branch has a binding.
        guard let session = queueSession, session.phase == .waiting, let member = branch.binding?.extensionNumber else { return }
        session.phase = .connected(member: member)
        session.connectedAt = Date()
        session.mediaGeneration += 1
        environment.queues.offerEnded(queue: session.name, callerID: id, answeredBy: member)
        media?.stopMusic(to: .caller)
        environment.logger.info("queue call answered", metadata: ["call": "\(id)", "queue": "\(session.name)", "member": "\(member)"])
    }

    /// Leaves the line without an answer and takes the queue's exit steps, or ends the call
    /// with 480 when there are none.
    private func leaveQueue(_ session: QueueSession, taking steps: [RoutedStep], reason: String) {
        session.phase = .left
        session.leftAt = Date()
        session.mediaGeneration += 1
        media?.stopMusic(to: .caller)
        ringGeneration += 1
        cancelPendingBranches()
        guard !steps.isEmpty, hops < Self.maximumHops else {
            rejectCaller(status: 480, reason: reason, hangupSide: nil)
            return
        }
        hops += 1
        run(steps)
    }

    /// The call ends: a waiting caller abandoned the queue; a member's call starts its wrap-up.
    func queueCallEnded() {
        guard let session = queueSession else { return }
        session.mediaGeneration += 1
        switch session.phase {
        case .waiting:
            session.phase = .left
            session.leftAt = Date()
            environment.queues.leave(queue: session.name, callerID: id)
        case .connected(let member):
            environment.queues.memberCallEnded(queue: session.name, member: member)
        case .left:
            break
        }
    }
}
