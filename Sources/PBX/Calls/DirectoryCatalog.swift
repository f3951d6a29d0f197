// SPDX-License-Identifier: Apache-2.0
import Dialplan
import Store

/// The dialplan's view of the provisioned extensions, from a directory snapshot.
struct DirectoryCatalog: ExtensionCatalog {
    let extensions: [String: ExtensionRecord]

    func isProvisioned(_ number: String) -> Bool { extensions[number] != nil }

    func forwarding(of number: String) -> ExtensionForwarding? {
        guard let record = extensions[number],
            record.forwardAlways != nil || record.forwardBusy != nil || record.forwardNoAnswer != nil
        else { return nil }
        return ExtensionForwarding(
            always: record.forwardAlways, busy: record.forwardBusy, noAnswer: record.forwardNoAnswer,
            noAnswerAfter: record.forwardNoAnswerAfterSeconds)
    }
}
