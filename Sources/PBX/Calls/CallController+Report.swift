// SPDX-License-Identifier: Apache-2.0
import Foundation
import NIOCore
import SIPStack

extension CallController {
    /// The live calls of every shard, read on each shard's loop.
    func report(shards: [SIPStackShard]) async throws -> CallsReport {
        var calls: [CallsReport.Call] = []
        for shard in shards {
            let registry = registries[shard.index]
            calls += try await shard.eventLoop.submit { registry.calls.values.map { $0.reportEntry() } }.get()
        }
        return CallsReport(calls: calls.sorted { $0.startedAt < $1.startedAt })
    }

    /// Ends every call as a shutdown must: BYE for answered calls, CANCEL and 503 for ringing ones.
    func endAll(shards: [SIPStackShard]) async {
        for shard in shards {
            let registry = registries[shard.index]
            try? await shard.eventLoop.submit {
                for call in registry.calls.values { call.shutDown() }
            }.get()
        }
    }

    /// How many calls are in progress.
    func count(shards: [SIPStackShard]) async -> Int {
        var total = 0
        for shard in shards {
            let registry = registries[shard.index]
            total += (try? await shard.eventLoop.submit { registry.calls.count }.get()) ?? 0
        }
        return total
    }
}

extension Call {
    func reportEntry(now: Date = Date()) -> CallsReport.Call {
        var legs = [CallsReport.Leg(role: "caller", callID: callerDialog.callID, flow: callerInvite.flow.description, state: isAnswered ? "confirmed" : "early", mediaPort: media?.ports(for: .caller).rtp)]
        legs += branches.map { branch in
            CallsReport.Leg(role: "callee", callID: branch.dialog.callID, flow: branch.dialog.flow.description, state: branch.stateName, mediaPort: media?.ports(for: .callee).rtp)
        }
        return CallsReport.Call(
            id: id, caller: caller, callee: callee, state: state.rawValue, startedAt: startedAt, answeredAt: answeredAt,
            durationSeconds: Int(now.timeIntervalSince(startedAt)), legs: legs)
    }

    /// Shutdown: the caller and callee are told, the call is recorded.
    func shutDown() {
        switch state {
        case .answered:
            hangUp(reason: "server shutting down")
        case .routing, .ringing:
            for branch in branches where branch.isPending {
                branch.state = .cancelled
                branch.transaction?.cancel()
            }
            rejectCaller(status: 503, reason: "Service Unavailable (server shutting down)", hangupSide: nil)
        case .ending, .ended:
            break
        }
    }
}

extension CalleeBranch {
    var stateName: String {
        switch state {
        case .calling: return "trying"
        case .ringing: return "ringing"
        case .answered: return "confirmed"
        case .failed(let status): return "failed \(status)"
        case .cancelled: return "cancelled"
        }
    }
}
