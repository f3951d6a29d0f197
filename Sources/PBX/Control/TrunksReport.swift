// SPDX-License-Identifier: Apache-2.0

/// What `switchboard trunks` shows: every trunk of the plan and its registration.
public struct TrunksReport: Codable, Sendable {
    /// One trunk.
    public struct Entry: Codable, Sendable {
        /// The trunk's name.
        public var name: String
        /// The provider's host.
        public var host: String
        /// The provider's port, when configured.
        public var port: Int?
        /// The transport, when configured.
        public var transport: String?
        /// Whether the trunk registers.
        public var register: Bool
        /// unregistered, registering, registered or failed.
        public var state: TrunkRegistrationState
        /// Status code of the provider's last final answer to a REGISTER.
        public var lastStatus: Int?
        /// Its reason phrase.
        public var lastReason: String?
        /// The last problem, in words; nil once registered.
        public var lastError: String?
        /// Seconds until the registration lapses (it is refreshed before).
        public var expiresIn: Int?
        /// Seconds until the next attempt after a failure.
        public var retryIn: Int?
        /// Calls in progress through the trunk.
        public var activeCalls: Int
    }

    /// The trunks, by name.
    public var trunks: [Entry]
}
