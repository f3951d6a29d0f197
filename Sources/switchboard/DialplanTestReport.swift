// SPDX-License-Identifier: Apache-2.0
import Dialplan
import Foundation

/// The text `dialplan test` prints: the call, the decisions taken, then the steps.
struct DialplanTestReport {
    let call: CallContext
    let result: RouteResult

    var text: String {
        let when = ISO8601DateFormatter().string(from: call.at)
        var lines = ["call from \(call.from) to \(call.to) at \(when), starting in context '\(result.startContext)'"]
        lines.append("decisions:")
        lines += result.trace.map { "  \($0)" }
        lines.append("steps:")
        lines += result.stepLines
        return lines.map { $0 + "\n" }.joined()
    }
}
