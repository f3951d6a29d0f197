// SPDX-License-Identifier: Apache-2.0

/// A music class from the `music:` section: a file or folder under the sounds folder.
public struct MusicClass: Sendable, Hashable {
    /// The class name, as used by `music:` steps and queues.
    public var name: String
    /// Path relative to the sounds folder: one file, or a folder whose files play in turn.
    public var path: String
    /// Where the class is defined.
    public var location: SourceLocation

    /// Creates a music class.
    public init(name: String, path: String, location: SourceLocation) {
        self.name = name
        self.path = path
        self.location = location
    }
}
