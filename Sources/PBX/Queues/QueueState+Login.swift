// SPDX-License-Identifier: Apache-2.0
import Foundation

extension QueueState {
    /// Logs `number` in: a member logged out takes calls again; an extension the definition
    /// does not list becomes a member until it logs out. False when it already took calls.
    mutating func logIn(_ number: String, at now: Date) -> Bool {
        if loggedOut.remove(number) != nil { return true }
        guard !members.contains(where: { $0.number == number }) else { return false }
        addedMembers.append(number)
        rebuildMembers(now: now)
        return true
    }

    /// Logs `number` out: it is offered no more calls (a call it is on goes on). A member that
    /// logged in at run time leaves the queue. False when it was not a member taking calls.
    mutating func logOut(_ number: String, at now: Date) -> Bool {
        if addedMembers.contains(number) {
            addedMembers.removeAll { $0 == number }
            rebuildMembers(now: now)
            return true
        }
        guard members.contains(where: { $0.number == number }) else { return false }
        return loggedOut.insert(number).inserted
    }
}
