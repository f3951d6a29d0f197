// SPDX-License-Identifier: Apache-2.0
import Dialplan
import Foundation

/// Members to ring for one waiting caller, for `timeout` seconds.
struct QueueOffer: Equatable, Sendable {
    var callerID: String
    var members: [String]
    var timeout: Int
}

extension QueueState {
    /// Longest time a waiting caller goes without a 182.
    static let refreshInterval: TimeInterval = 60

    /// Offers waiting callers to free members, in line order: each caller not yet being offered
    /// gets the members its strategy picks among those free, until no member is free. With
    /// `ring-all` the first caller gets every free member; with the others each caller gets one.
    mutating func dispatch(at now: Date, availability: (String) -> MemberAvailability) -> [QueueOffer] {
        var free = members.indices.filter {
            isLoggedIn(members[$0]) && members[$0].isFree(at: now) && availability(members[$0].number) == .available
        }
        var offers: [QueueOffer] = []
        for index in waiting.indices where !waiting[index].isOffered && !free.isEmpty {
            let chosen = choose(for: index, among: free)
            guard !chosen.isEmpty else { continue }
            free.removeAll { chosen.contains($0) }
            let callerID = waiting[index].id
            for member in chosen {
                members[member].activity = .ringing(callerID: callerID)
            }
            waiting[index].ringing = chosen.map { members[$0].number }
            offers.append(QueueOffer(callerID: callerID, members: waiting[index].ringing, timeout: definition.memberTimeout))
        }
        return offers
    }

    /// The members (indices) to ring for the caller at `index`, from the free ones (in listed
    /// order). Members the caller was already offered come last: once all free members were
    /// tried, the round starts again.
    private mutating func choose(for index: Int, among free: [Int]) -> [Int] {
        if definition.strategy == .ringAll { return free }
        var candidates = free.filter { !waiting[index].tried.contains(members[$0].number) }
        if candidates.isEmpty {
            waiting[index].tried = []
            candidates = free
        }
        guard let first = candidates.first else { return [] }
        switch definition.strategy {
        case .ringAll, .sequential:
            return [first]
        case .longestIdle:
            // `min` keeps the first of equals, so ties go in listed order.
            return [candidates.min { members[$0].idleSince < members[$1].idleSince } ?? first]
        case .roundRobin:
            let next = candidates.first { $0 >= roundRobinNext } ?? first
            roundRobinNext = next + 1
            return [next]
        }
    }

    /// What callers should hear now, recorded as told: with `newOnly`, the callers never told
    /// yet (a caller hears its position at once when it joins); otherwise also every caller
    /// whose position changed since it was last told, and every caller not told for
    /// ``refreshInterval`` (RFC 3261 §13.3.1.1 asks for a provisional response every minute,
    /// so that proxies on the way keep the INVITE alive).
    ///
    /// ``QueueService`` asks for changes once a second, not at every departure: with hundreds
    /// waiting, each departure moves everyone behind, and a 182 per caller per departure
    /// would be a flood that tells no more than one a second does.
    mutating func positionUpdates(at now: Date, newOnly: Bool = false) -> [(callerID: String, announcement: QueueAnnouncement)] {
        var updates: [(String, QueueAnnouncement)] = []
        for index in waiting.indices {
            let caller = waiting[index]
            let stale = caller.announcedAt.map { now.timeIntervalSince($0) >= Self.refreshInterval } ?? true
            guard caller.announcedAt == nil || (!newOnly && (caller.announcedPosition != index + 1 || stale)) else { continue }
            waiting[index].announcedPosition = index + 1
            waiting[index].announcedAt = now
            updates.append((waiting[index].id, announcement(at: index)))
        }
        return updates
    }

    /// The announcement for the caller at `index` of the line.
    func announcement(at index: Int) -> QueueAnnouncement {
        QueueAnnouncement(
            position: index + 1, waiting: waiting.count,
            expectedWait: estimator.expectedWait(position: index + 1, members: members.count))
    }

    /// The announcement for a caller, if it waits.
    func announcement(for callerID: String) -> QueueAnnouncement? {
        waiting.firstIndex { $0.id == callerID }.map(announcement(at:))
    }
}
