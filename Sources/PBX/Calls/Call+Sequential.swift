// SPDX-License-Identifier: Apache-2.0
import Dialplan
import Foundation
import NIOCore

extension Call {
    /// Rings the members of a dial (each the contacts of one target): all at once, or with
    /// `strategy: sequential` one after another in the written order, each for its
    /// `member_timeout`, within the dial's `timeout`. Members without a contact are skipped.
    func ring(members: [[Binding]], of dial: DialStep) {
        guard state == .routing || state == .ringing else { return }
        let members = members.filter { !$0.isEmpty }
        guard !members.isEmpty else {
            dialFinished(status: 480, reason: "Temporarily Unavailable (not registered)")
            return
        }
        let total = Self.dialTimeout(of: dial, members: members.count, default: environment.defaultRingTimeout)
        guard dial.strategy == .sequential, members.count > 1 else {
            ring(members.flatMap { $0 }, timeout: total, maxForwards: maxForwards)
            return
        }
        let whole = TimeAmount.milliseconds(Int64(total * 1000))
        let perMember = dial.memberTimeout.map { TimeAmount.seconds(Int64($0)) } ?? whole
        sequentialRing = SequentialRing(remaining: members, memberTimeout: perMember, deadline: .now() + whole)
        _ = ringNextMember()
    }

    /// Seconds the whole dial rings: its `timeout`; else, for a sequential group, each member's
    /// `member_timeout` in turn; else `member_timeout`; else the server's default.
    static func dialTimeout(of dial: DialStep, members: Int, default fallback: TimeInterval) -> TimeInterval {
        if let timeout = dial.timeout { return TimeInterval(timeout) }
        guard let member = dial.memberTimeout else { return fallback }
        return TimeInterval(dial.strategy == .sequential ? member * members : member)
    }

    /// In a sequential group whose current member failed or rang out: rings the next one.
    /// False when there is no sequential group, or no member or time left.
    func ringNextMember() -> Bool {
        guard state == .routing || state == .ringing, winner == nil, var sequence = sequentialRing else { return false }
        guard let (bindings, timeout) = sequence.next(now: .now()) else {
            sequentialRing = nil
            return false
        }
        sequentialRing = sequence
        environment.logger.debug("ringing next member", metadata: ["call": "\(id)", "member": "\(bindings[0].extensionNumber)"])
        ring(bindings, timeout: TimeInterval(timeout.nanoseconds) / 1e9, maxForwards: maxForwards)
        return true
    }
}
