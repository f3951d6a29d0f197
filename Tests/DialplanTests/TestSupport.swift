// SPDX-License-Identifier: Apache-2.0
import Foundation

@testable import Dialplan

/// Loads a dialplan from text, as file `test.yaml`.
func plan(_ yaml: String) throws -> Dialplan {
    try Dialplan.load(files: [DialplanFile(path: "test.yaml", text: yaml)])
}

/// The diagnostics of a dialplan that must fail to load, as `FILE:LINE:COLUMN: message` lines.
func diagnostics(_ yaml: String, soundExists: (@Sendable (String) -> Bool)? = nil) -> [String] {
    do {
        _ = try Dialplan.load(files: [DialplanFile(path: "test.yaml", text: yaml)], soundExists: soundExists)
        return []
    } catch {
        return error.diagnostics.map(\.description)
    }
}

/// A call from `from` to `to` at an ISO 8601 time (default: a Wednesday noon UTC).
func call(
    from: String = "1001",
    to: String,
    at iso: String = "2026-11-18T12:00:00Z",
    origin: CallOrigin = .extension,
    directory: StaticExtensionCatalog = StaticExtensionCatalog(numbers: ["1001", "1002", "1003"])
) -> CallContext {
    let date = ISO8601DateFormatter().date(from: iso) ?? Date(timeIntervalSince1970: 0)
    return CallContext(from: from, to: to, at: date, origin: origin, extensions: directory)
}

/// The root of the package, for tests that load the shipped dialplans and docs.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
