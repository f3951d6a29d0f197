// SPDX-License-Identifier: Apache-2.0
import Foundation
import NIOCore

extension QueueService {
    /// Every queue that has had a caller or a login since the server started, by name, read on
    /// the queues' loop.
    func report() -> EventLoopFuture<[QueueStatus]> {
        eventLoop.submit { [self] in
            let now = Date()
            return queues.value.values.map { state in state.status(at: now, availability: availability) }
                .sorted { $0.name < $1.name }
        }
    }
}

extension QueueState {
    /// The queue's figures for `switchboard status`.
    func status(at now: Date, availability: (String) -> MemberAvailability) -> QueueStatus {
        let loggedIn = members.filter(isLoggedIn)
        let idle = loggedIn.filter { $0.isFree(at: now) && availability($0.number) == .available }.count
        let unregistered = loggedIn.filter { availability($0.number) == .unregistered }.count
        return QueueStatus(
            name: definition.name, waiting: waiting.count,
            longestWaitSeconds: waiting.first.map { Int(now.timeIntervalSince($0.joinedAt)) } ?? 0,
            membersIdle: idle, membersBusy: loggedIn.count - idle - unregistered, membersUnregistered: unregistered,
            membersLoggedOut: members.count - loggedIn.count,
            answered: counters.answered, abandoned: counters.abandoned, timedOut: counters.timedOut,
            refused: counters.unavailable,
            averageWaitSeconds: estimator.averageWait.map { Int($0.rounded()) })
    }
}
