// SPDX-License-Identifier: Apache-2.0
import Dialplan
import Foundation
import NIOCore

extension QueueService {
    /// Logs `member` in to (or out of) the queue `definition` describes, on the queues' loop.
    /// Completes with false when nothing changed (already in, or out, or not a member).
    func setLoggedIn(_ loggedIn: Bool, member: String, queue definition: QueueDefinition) -> EventLoopFuture<Bool> {
        eventLoop.submit { [self] in
            let now = Date()
            var state = queues.value[definition.name] ?? QueueState(definition: definition, now: now)
            state.update(definition: definition, now: now)
            let changed = loggedIn ? state.logIn(member, at: now) : state.logOut(member, at: now)
            queues.value[definition.name] = state
            return changed
        }
    }
}
