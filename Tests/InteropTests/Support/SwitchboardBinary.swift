// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Where the built `switchboard` executable and the package sources are.
enum SwitchboardBinary {
    /// The build folder holding both the test bundle and the executable.
    static let buildDirectory: URL = {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        // The test runner may live inside an .xctest bundle folder.
        while directory.pathExtension == "xctest" || directory.lastPathComponent == "Contents"
            || directory.lastPathComponent == "MacOS"
        {
            directory = directory.deletingLastPathComponent()
        }
        return directory
    }()

    /// The `switchboard` executable next to the tests.
    static var url: URL { buildDirectory.appendingPathComponent("switchboard") }

    /// The package root (for `dialplans/` and `sounds/`).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

/// Fresh folders under the system temporary directory.
enum TemporaryDirectory {
    static func make(prefix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
