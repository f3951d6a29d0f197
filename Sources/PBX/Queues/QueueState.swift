// SPDX-License-Identifier: Apache-2.0
import Dialplan
import Foundation

/// The state of one queue and every decision about it, as pure data: who waits in what order,
/// what each member does, and which members to ring for which caller. It does no I/O and reads
/// no clock (every change takes `now`), so each rule is unit-tested on its own; ``QueueService``
/// runs it on the queue's event loop and carries out what it decides.
struct QueueState: Sendable {
    /// Why a caller left the queue without being answered.
    enum Departure: Equatable {
        /// The caller hung up (CANCEL, or BYE when answered first).
        case abandoned
        /// The caller waited `max_wait` seconds.
        case timedOut
    }

    /// Whether a caller may join.
    enum Admission: Equatable {
        case joined
        /// `max_length` callers already wait.
        case full
        /// No member has a registered phone.
        case noMembers
    }

    private(set) var definition: QueueDefinition
    /// Waiting callers, first come first served.
    var waiting: [QueuedCaller] = []
    /// The members in the listed order.
    var members: [QueueMember]
    private(set) var estimator = WaitEstimator()
    private(set) var counters = QueueCounters()
    /// Seconds a member who did not answer an offer (no answer in time, busy, refused) is left
    /// alone, so that a phone that refuses at once is not rung again and again (Asterisk's
    /// `retry`).
    static let retryDelay: TimeInterval = 5

    /// The round-robin strategy's next member to try (index into `members`).
    var roundRobinNext = 0
    /// Extensions logged in at run time (`switchboard queue login`) that the definition does not list.
    var addedMembers: [String] = []
    /// Members logged out at run time (`switchboard queue logout`): never offered a call.
    var loggedOut: Set<String> = []

    init(definition: QueueDefinition, now: Date) {
        self.definition = definition
        members = Self.uniqueNumbers(definition.members).map { QueueMember(number: $0, idleSince: now) }
    }

    /// Whether `member` takes calls from this queue: a member not logged out.
    func isLoggedIn(_ member: QueueMember) -> Bool {
        !loggedOut.contains(member.number)
    }

    /// A reloaded definition: new members join idle, members no longer listed leave (a call
    /// they are on goes on), and the others keep their state.
    mutating func update(definition: QueueDefinition, now: Date) {
        guard definition != self.definition else { return }
        self.definition = definition
        rebuildMembers(now: now)
    }

    /// The listed members, then those logged in at run time; members keep their state.
    mutating func rebuildMembers(now: Date) {
        let kept = Dictionary(members.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        members = Self.uniqueNumbers(definition.members + addedMembers).map { kept[$0] ?? QueueMember(number: $0, idleSince: now) }
        roundRobinNext = 0
    }

    /// Puts a caller at the back of the line, unless the queue is full or no member can answer.
    mutating func join(callerID: String, at now: Date, availability: (String) -> MemberAvailability) -> Admission {
        if let limit = definition.maxLength, waiting.count >= limit {
            counters.unavailable += 1
            return .full
        }
        guard members.contains(where: { !loggedOut.contains($0.number) && availability($0.number) != .unregistered }) else {
            counters.unavailable += 1
            return .noMembers
        }
        waiting.append(QueuedCaller(id: callerID, joinedAt: now))
        return .joined
    }

    /// Takes a caller out of the line; the members ringing for it are free again. False when
    /// it was not waiting (already answered or gone).
    @discardableResult
    mutating func leave(callerID: String, _ departure: Departure) -> Bool {
        guard let index = waiting.firstIndex(where: { $0.id == callerID }) else { return false }
        release(waiting[index].ringing, ringingFor: callerID)
        waiting.remove(at: index)
        switch departure {
        case .abandoned: counters.abandoned += 1
        case .timedOut: counters.timedOut += 1
        }
        return true
    }

    /// The callers that have waited `max_wait` seconds by `now`, first in line first.
    func overdueCallers(at now: Date) -> [String] {
        guard let maxWait = definition.maxWait else { return [] }
        return waiting.filter { now.timeIntervalSince($0.joinedAt) >= TimeInterval(maxWait) }.map(\.id)
    }

    /// The members rung for a caller did not answer in time, or failed: they rest for
    /// ``retryDelay``, and the caller is offered to others first next time.
    mutating func offerUnanswered(callerID: String, at now: Date) {
        guard let index = waiting.firstIndex(where: { $0.id == callerID }) else { return }
        let rung = waiting[index].ringing
        for member in members.indices where members[member].activity == .ringing(callerID: callerID) {
            members[member].activity = .resting(until: now + Self.retryDelay)
        }
        waiting[index].ringing = []
        waiting[index].tried.formUnion(rung)
    }

    /// `member` answered the caller: it leaves the line, its wait counts towards the estimate,
    /// the member is in a call and the others rung for it are free.
    mutating func answered(callerID: String, by member: String, at now: Date) {
        if let index = waiting.firstIndex(where: { $0.id == callerID }) {
            let caller = waiting.remove(at: index)
            release(caller.ringing.filter { $0 != member }, ringingFor: callerID)
            estimator.record(wait: now.timeIntervalSince(caller.joinedAt))
            counters.answered += 1
        }
        // Also when the caller was gone already (its max_wait ran out as the member answered):
        // the member is on the call all the same.
        if let index = members.firstIndex(where: { $0.number == member }) { members[index].activity = .inCall }
    }

    /// A call the queue connected ended: the member rests for `wrap_up` seconds, then is idle.
    mutating func memberCallEnded(_ member: String, at now: Date) {
        guard let index = members.firstIndex(where: { $0.number == member }), members[index].activity == .inCall else { return }
        members[index].activity = definition.wrapUp > 0 ? .resting(until: now + TimeInterval(definition.wrapUp)) : .idle
        members[index].idleSince = now + TimeInterval(definition.wrapUp)
    }

    private mutating func release(_ numbers: [String], ringingFor callerID: String) {
        for index in members.indices where numbers.contains(members[index].number) {
            if members[index].activity == .ringing(callerID: callerID) { members[index].activity = .idle }
        }
    }

    private static func uniqueNumbers(_ numbers: [String]) -> [String] {
        var seen = Set<String>()
        return numbers.filter { seen.insert($0).inserted }
    }
}

/// How callers left a queue, since the server started.
struct QueueCounters: Equatable, Sendable {
    var answered = 0
    var abandoned = 0
    var timedOut = 0
    /// Refused at the door: the queue was full or had no registered member.
    var unavailable = 0
}
