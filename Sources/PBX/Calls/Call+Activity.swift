// SPDX-License-Identifier: Apache-2.0

extension Call {
    /// Counts `number` as on a call until this call ends, so that queues leave it alone.
    func markOnCall(_ number: String) {
        environment.activity.begin(number)
        extensionsOnCall.append(number)
    }

    /// The callee's phone on `branch` answered: its extension is on a call, and the record
    /// names it. A trunk's answer names no extension.
    func noteAnswer(by branch: CalleeBranch) {
        guard let number = branch.binding?.extensionNumber else { return }
        answeredBy = number
        markOnCall(number)
    }
}
