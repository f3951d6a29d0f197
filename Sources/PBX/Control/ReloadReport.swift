// SPDX-License-Identifier: Apache-2.0

/// What `switchboard reload` answers: whether the new plan was applied and what changed.
public struct ReloadReport: Codable, Sendable {
    /// True when the new plan is now in force (false for `--diff`).
    public var applied: Bool
    /// One line per change (`+ context x`, `~ queue y`, ...).
    public var changes: [String]
}
