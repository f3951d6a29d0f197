// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The sounds folder (`--sounds`), answering whether a prompt or music class a dialplan
/// names is there. A name may omit the audio extension: `prompts/closed` finds
/// `prompts/closed.wav`.
public struct SoundFolder: Sendable, Hashable {
    /// Extensions tried when a name has none that exists as written.
    public static let audioExtensions = ["wav", "ulaw", "alaw", "sln", "raw"]

    /// The folder's path.
    public var path: String

    /// Creates a view of the folder at `path`.
    public init(path: String) {
        self.path = path
    }

    /// True when the folder itself exists.
    public var exists: Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// True when `name` (a file or folder, relative to the sounds folder) exists, with or
    /// without one of the audio extensions. Names that climb out with `..` never exist.
    public func contains(_ name: String) -> Bool {
        guard !name.split(separator: "/").contains("..") else { return false }
        let base = (path.hasSuffix("/") ? path : path + "/") + name
        let candidates = [base] + Self.audioExtensions.map { "\(base).\($0)" }
        return candidates.contains { FileManager.default.fileExists(atPath: $0) }
    }
}
