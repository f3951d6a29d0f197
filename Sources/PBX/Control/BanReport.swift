// SPDX-License-Identifier: Apache-2.0
import Foundation

/// What `switchboard ban list` shows.
public struct BanReport: Codable, Sendable {
    /// One banned address.
    public struct Entry: Codable, Sendable {
        /// The address.
        public var address: String
        /// Why.
        public var reason: String
        /// When the ban ends.
        public var bannedUntil: Date
    }

    /// The bans in force, by address.
    public var bans: [Entry]
}
