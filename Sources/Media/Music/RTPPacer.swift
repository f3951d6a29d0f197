// SPDX-License-Identifier: Apache-2.0
import NIOCore

/// When to send each packet of a paced stream: on absolute deadlines `start + n × interval`,
/// so that timer lateness never accumulates into drift.
///
/// A late loop catches up gradually, at most one packet per half interval, instead of in a
/// burst that would overflow the phone's jitter buffer; when it is more than ``maximumLag``
/// behind, the missed packets are skipped instead.
struct RTPPacer {
    /// Time between packets: the leg's ptime.
    let interval: TimeAmount
    /// The deadline of the next packet.
    private(set) var nextDeadline: NIODeadline

    init(interval: TimeAmount, start: NIODeadline) {
        self.interval = interval
        self.nextDeadline = start
    }

    /// How far behind the pacer catches up packet by packet; beyond it, packets are skipped.
    var maximumLag: TimeAmount { .nanoseconds(interval.nanoseconds * 3) }

    /// Called at `now`: nil when the next packet is not due yet, else how many packets to skip
    /// before sending it. Moves on to the deadline after it.
    mutating func packetDue(at now: NIODeadline) -> Int? {
        guard now >= nextDeadline else { return nil }
        var skipped = 0
        let lag = now - nextDeadline
        if lag > maximumLag {
            skipped = Int(lag.nanoseconds / interval.nanoseconds)
            nextDeadline = nextDeadline + .nanoseconds(interval.nanoseconds * Int64(skipped))
        }
        nextDeadline = nextDeadline + interval
        return skipped
    }

    /// When to wake up next after a send at `now`: the next deadline, but no sooner than half an
    /// interval from now while catching up.
    func wakeUp(after now: NIODeadline) -> NIODeadline {
        max(nextDeadline, now + .nanoseconds(interval.nanoseconds / 2))
    }
}
