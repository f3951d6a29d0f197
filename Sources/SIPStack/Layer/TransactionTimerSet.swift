// SPDX-License-Identifier: Apache-2.0
import NIOCore

/// The running timers of one transaction, on its owner loop.
///
/// Stopping a timer does not cancel its NIO task: NIO's scheduled-task heap removes a cancelled
/// task by a linear search, and a loop holding tens of thousands of 32-second transaction timers
/// (Timers B, F, H, J, ... at hundreds of calls a second) spends its time there. A stopped timer
/// is instead forgotten here, and its task does nothing when it comes due.
final class TransactionTimerSet {
    private var generations: [TransactionTimer: UInt32] = [:]
    private var nextGeneration: UInt32 = 0

    /// Starts (or restarts) `timer`; `fire` runs on `loop` unless the timer is stopped first.
    func start(_ timer: TransactionTimer, after delay: Duration, on loop: any EventLoop, fire: @escaping () -> Void) {
        nextGeneration &+= 1
        let generation = nextGeneration
        generations[timer] = generation
        loop.scheduleTask(in: delay.timeAmount) { [weak self] in
            guard let self, self.generations[timer] == generation else { return }
            self.generations[timer] = nil
            fire()
        }
    }

    func cancel(_ timer: TransactionTimer) {
        generations[timer] = nil
    }

    func cancelAll() {
        generations.removeAll()
    }
}

extension Duration {
    /// The duration as NIO's `TimeAmount`, for scheduling on event loops.
    public var timeAmount: TimeAmount {
        let (seconds, attoseconds) = components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
