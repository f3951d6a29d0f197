// SPDX-License-Identifier: Apache-2.0
import Dialplan
import Store

/// The dialplan's view of the provisioned extensions and their forwarding, from the store.
public struct DirectoryCatalog: ExtensionCatalog {
    let extensions: [String: ExtensionRecord]

    /// A catalog of these extensions, by number.
    public init(extensions: [String: ExtensionRecord]) {
        self.extensions = extensions
    }

    /// A catalog of the extensions in a store.
    public init(database: SwitchboardDatabase) throws {
        self.init(extensions: Dictionary(try database.extensionRecords().map { ($0.number, $0) }) { first, _ in first })
    }

    public func isProvisioned(_ number: String) -> Bool { extensions[number] != nil }

    public func forwarding(of number: String) -> ExtensionForwarding? {
        guard let record = extensions[number],
            record.forwardAlways != nil || record.forwardBusy != nil || record.forwardNoAnswer != nil
        else { return nil }
        return ExtensionForwarding(
            always: record.forwardAlways, busy: record.forwardBusy, noAnswer: record.forwardNoAnswer,
            noAnswerAfter: record.forwardNoAnswerAfterSeconds)
    }
}
