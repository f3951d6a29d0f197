// SPDX-License-Identifier: Apache-2.0
import Dialplan
import Foundation
import Logging
import NIOCore

/// Every queue of the server, run on one event loop.
///
/// A queue's callers live on different loops (each call on the loop of its INVITE), but its
/// line and its members are one shared state. Rather than lock that state from every loop,
/// one loop owns all queues: calls post to it (`join`, `offerEnded`, `leave`, ...) and it
/// posts back to each call's loop through the call's ``QueuedCallHandle``. Every decision is
/// a few comparisons over one queue, so a single loop keeps up with thousands of callers,
/// and no decision can interleave with another. The decisions themselves are ``QueueState``.
///
/// Besides reacting to calls, the owner looks at every queue with callers once a second:
/// that ends waits past `max_wait`, offers callers to members whose wrap-up ended, whose
/// other call ended or who registered since, and tells callers whose position changed.
final class QueueService: Sendable {
    /// How often waiting callers are looked at without an event.
    static let tick = TimeAmount.seconds(1)

    let eventLoop: any EventLoop
    let queues: NIOLoopBoundBox<[String: QueueState]>
    private let callers: NIOLoopBoundBox<[String: QueuedCallHandle]>
    private let location: LocationService
    /// Which extensions are on a call; calls keep it current.
    let activity: ExtensionActivity
    private let logger: Logger

    init(eventLoop: any EventLoop, location: LocationService, activity: ExtensionActivity, logger: Logger) {
        self.eventLoop = eventLoop
        queues = .makeBoxSendingValue([:], eventLoop: eventLoop)
        callers = .makeBoxSendingValue([:], eventLoop: eventLoop)
        self.location = location
        self.activity = activity
        self.logger = logger
    }

    /// Starts the once-a-second look at the queues; cancel the task to stop it.
    func start() -> RepeatedTask {
        eventLoop.scheduleRepeatedTask(initialDelay: Self.tick, delay: Self.tick) { [self] _ in
            for name in queues.value.keys where !(queues.value[name]?.waiting.isEmpty ?? true) {
                service(name, announcingChanges: true)
            }
        }
    }

    /// A call asks to wait in `definition`'s queue (the definition of the plan the call runs on:
    /// a reload reaches a queue with the next caller). Answered with `.position`, or
    /// `.unavailable` when it may not join.
    func join(_ definition: QueueDefinition, handle: QueuedCallHandle) {
        eventLoop.execute { [self] in
            let now = Date()
            var state = queues.value[definition.name] ?? QueueState(definition: definition, now: now)
            state.update(definition: definition, now: now)
            let admission = state.join(callerID: handle.callerID, at: now, availability: availability)
            queues.value[definition.name] = state
            guard admission == .joined else {
                logger.info("queue refused a caller", metadata: ["queue": "\(definition.name)", "reason": "\(admission)"])
                handle.deliver(.unavailable)
                return
            }
            callers.value[handle.callerID] = handle
            service(definition.name)
        }
    }

    /// The members rung for a caller answered (`answeredBy`) or did not (nil).
    func offerEnded(queue name: String, callerID: String, answeredBy member: String?) {
        eventLoop.execute { [self] in
            if let member {
                queues.value[name]?.answered(callerID: callerID, by: member, at: Date())
                callers.value[callerID] = nil
            } else {
                queues.value[name]?.offerUnanswered(callerID: callerID, at: Date())
            }
            service(name)
        }
    }

    /// The caller hung up while waiting.
    func leave(queue name: String, callerID: String) {
        eventLoop.execute { [self] in
            callers.value[callerID] = nil
            guard queues.value[name]?.leave(callerID: callerID, .abandoned) == true else { return }
            service(name)
        }
    }

    /// A call the queue connected ended: the member starts its wrap-up.
    func memberCallEnded(queue name: String, member: String) {
        eventLoop.execute { [self] in
            queues.value[name]?.memberCallEnded(member, at: Date())
            service(name)
        }
    }

    /// Ends overdue waits, offers callers to free members and tells new callers their position;
    /// with `announcingChanges` (once a second) also callers whose position changed.
    private func service(_ name: String, announcingChanges: Bool = false) {
        guard var state = queues.value[name] else { return }
        let now = Date()
        for callerID in state.overdueCallers(at: now) where state.leave(callerID: callerID, .timedOut) {
            callers.value.removeValue(forKey: callerID)?.deliver(.timedOut)
        }
        let offers = state.dispatch(at: now, availability: availability)
        let updates = state.positionUpdates(at: now, newOnly: !announcingChanges)
        queues.value[name] = state
        for update in updates { callers.value[update.callerID]?.deliver(.position(update.announcement)) }
        for offer in offers {
            callers.value[offer.callerID]?.deliver(.offer(members: offer.members, timeout: offer.timeout))
        }
    }

    func availability(_ number: String) -> MemberAvailability {
        if location.bindings(of: number).isEmpty { return .unregistered }
        return activity.isActive(number) ? .busy : .available
    }
}
