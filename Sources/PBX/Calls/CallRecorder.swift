// SPDX-License-Identifier: Apache-2.0
import Foundation
import Logging
import Store

/// Writes one call detail record per finished call, off the call's loop.
struct CallRecorder: Sendable {
    let database: SwitchboardDatabase
    let logger: Logger

    func record(_ call: Call) {
        let ended = Date()
        let legs = ([["role": "caller", "callID": call.callerDialog.callID, "flow": call.callerInvite.flow.description]]
            + call.branches.map { ["role": "callee", "callID": $0.dialog.callID, "flow": $0.dialog.flow.description, "result": "\($0.state)"] })
        let legsJSON = (try? JSONEncoder.switchboard.encode(legs)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        let record = CallDetailRecord(
            callID: call.callerDialog.callID, caller: call.caller, callee: call.callee, startedAt: call.startedAt,
            answeredAt: call.answeredAt, endedAt: ended,
            durationMilliseconds: Int64((call.answeredAt.map { ended.timeIntervalSince($0) } ?? 0) * 1000),
            finalStatus: call.finalStatus ?? 0, hangupSide: call.hangupSide?.rawValue, legsJSON: legsJSON,
            answeredBy: call.answeredBy, queue: call.queueSession?.name,
            queueWaitMilliseconds: call.queueSession.map { Int64($0.waitSeconds(until: ended) * 1000) })
        let database = self.database
        let logger = self.logger
        Task {
            do {
                _ = try await database.insertCallDetailRecord(record)
            } catch {
                logger.error("could not store call record", metadata: ["error": "\(error)"])
            }
        }
    }
}
