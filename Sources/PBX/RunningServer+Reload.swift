// SPDX-License-Identifier: Apache-2.0
import Dialplan

extension RunningServer {
    /// Re-reads the dialplan. Live calls keep the plan they started with; a plan with errors is
    /// refused with its `FILE:LINE:COLUMN: message` lines and the old one stays.
    func reloadDialplan(dryRun: Bool) throws -> ReloadReport {
        do {
            let changes = try dialplan.reload(dryRun: dryRun)
            if !dryRun {
                _ = trunks.apply(dialplan.plan.trunks)
                _ = calls.trunks.refreshSources(of: dialplan.plan, on: stack.shards[0].eventLoop)
            }
            return ReloadReport(applied: !dryRun, changes: changes)
        } catch {
            throw ControlCommandError(error.diagnostics.map(\.description).joined(separator: "\n"))
        }
    }
}
