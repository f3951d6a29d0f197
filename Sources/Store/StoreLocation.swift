// SPDX-License-Identifier: Apache-2.0

/// The state folder (`--data`) and the files in it.
public struct StoreLocation: Sendable, Hashable {
    public var directory: String
    public init(directory: String) { self.directory = directory }
    public var databasePath: String { directory + "/switchboard.sqlite" }
    public var controlSocketPath: String { directory + "/switchboard.sock" }
}
