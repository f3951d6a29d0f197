// SPDX-License-Identifier: Apache-2.0
import NIOCore

/// The running timers of one transaction, scheduled on its owner loop.
struct TransactionTimerSet {
    private var scheduled: [TransactionTimer: Scheduled<Void>] = [:]

    /// Starts (or restarts) `timer`; `fire` runs on `loop` unless the timer is cancelled first.
    mutating func start(_ timer: TransactionTimer, after delay: Duration, on loop: any EventLoop, fire: @escaping () -> Void) {
        scheduled[timer]?.cancel()
        scheduled[timer] = loop.scheduleTask(in: delay.timeAmount) { fire() }
    }

    mutating func cancel(_ timer: TransactionTimer) {
        scheduled.removeValue(forKey: timer)?.cancel()
    }

    mutating func cancelAll() {
        for task in scheduled.values { task.cancel() }
        scheduled.removeAll()
    }
}

extension Duration {
    /// The duration as NIO's `TimeAmount`, for scheduling on event loops.
    public var timeAmount: TimeAmount {
        let (seconds, attoseconds) = components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
