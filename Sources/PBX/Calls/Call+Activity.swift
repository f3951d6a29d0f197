// SPDX-License-Identifier: Apache-2.0

extension Call {
    /// Counts `number` as on a call until this call ends, so that queues leave it alone.
    func markOnCall(_ number: String) {
        environment.activity.begin(number)
        extensionsOnCall.append(number)
    }

    /// The callee's phone on `branch` answered: its extension is on a call, and the record
    /// names it.
    func noteAnswer(by branch: CalleeBranch) {
        answeredBy = branch.binding.extensionNumber
        markOnCall(branch.binding.extensionNumber)
    }
}
