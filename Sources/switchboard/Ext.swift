// SPDX-License-Identifier: Apache-2.0
import ArgumentParser

/// `switchboard ext`: provisioning of extensions in the store.
struct Ext: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add, change, list and remove extensions.",
        subcommands: [ExtAdd.self, ExtImport.self, ExtRemove.self, ExtPasswd.self, ExtList.self, ExtShow.self, ExtForward.self]
    )
}
