// SPDX-License-Identifier: Apache-2.0
import NIOCore
import SIP
import SIPTransport

extension SIPStackShard {
    /// Replaces a non-INVITE server transaction that entered Completed by its final response
    /// (see `CompletedServerTransactions`); the transaction object is then released.
    func retire(_ transaction: ServerTransaction, response: ByteBuffer, flow: SIPFlow, after timerJ: Duration) {
        if serverTransactions[transaction.key] === transaction { serverTransactions[transaction.key] = nil }
        let deadline = NIODeadline.now() + timerJ.timeAmount
        // The merged-request entry stays until Timer J, as it would with the transaction.
        let entry = CompletedServerTransactions.Entry(
            key: transaction.key, response: response, flow: flow, mergedKey: MergedRequestKey(transaction.request), deadline: deadline)
        completedTransactions.insert(entry)
        scheduleCompletedSweep()
    }

    /// RFC 3261 §17.2.2: a retransmission of a request whose transaction completed gets the final
    /// response again. Returns false when no completed transaction has `key`.
    func resendCompletedResponse(for key: TransactionKey) -> Bool {
        guard let entry = completedTransactions[key] else { return false }
        transport.send(entry.response, over: entry.flow).whenFailure { _ in }
        return true
    }

    /// One sweep task at a time, when the first entry expires; each sweep schedules the next.
    private func scheduleCompletedSweep() {
        guard !completedSweepScheduled, let deadline = completedTransactions.nextDeadline else { return }
        completedSweepScheduled = true
        // Sweeps at most every 100 ms: expiring a little late costs nothing, a task per entry would.
        let at = max(deadline, NIODeadline.now() + .milliseconds(100))
        eventLoop.scheduleTask(deadline: at) { [weak self] in
            guard let self else { return }
            self.completedSweepScheduled = false
            let (expired, burstEnded) = self.completedTransactions.removeExpired(at: .now())
            // After a burst the freed transactions leave the allocator holding pages it does not
            // give back by itself; hand them to the kernel once per burst.
            if burstEnded { FreeMemory.returnToSystem() }
            for entry in expired {
                if let merged = entry.mergedKey, let key = self.requestsWithoutToTag[merged], self.completedTransactions[key] == nil,
                    self.serverTransactions[key] == nil
                {
                    self.requestsWithoutToTag[merged] = nil
                }
            }
            self.scheduleCompletedSweep()
        }
    }
}
