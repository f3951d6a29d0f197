// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Where one trunk's registration stands, as `switchboard trunks` shows it.
public enum TrunkRegistrationState: String, Codable, Sendable, Hashable {
    /// Not registered: the trunk does not register, or it was unregistered.
    case unregistered
    /// A REGISTER is on its way (or being answered with credentials).
    case registering
    /// The provider accepted the registration; it is refreshed before it lapses.
    case registered
    /// The last attempt failed; another follows after a back-off.
    case failed
}

/// The registration facts of one trunk, kept on its owner loop and copied out for reports.
struct TrunkRegistrationSnapshot: Sendable {
    var state: TrunkRegistrationState = .unregistered
    /// The status of the last final response, if any.
    var lastStatus: Int?
    /// Its reason phrase.
    var lastReason: String?
    /// The last problem, in words (a failed attempt, a missing secret).
    var lastError: String?
    /// When the current registration lapses.
    var expiresAt: Date?
    /// When the next attempt is due after a failure.
    var retryAt: Date?
}
