// SPDX-License-Identifier: Apache-2.0
import Foundation

/// What `switchboard regs` shows: registered contacts per extension.
public struct RegistrationsReport: Codable, Sendable {
    /// One registered contact.
    public struct Contact: Codable, Sendable {
        /// The Contact URI.
        public var uri: String
        /// Seconds until it lapses.
        public var expiresIn: Int
        /// The transport and address it is reached at (`udp 192.0.2.4:5060`).
        public var flow: String
        /// The phone's User-Agent.
        public var userAgent: String?
        /// The q-value, when given.
        public var q: Double?
    }

    /// One extension and its contacts.
    public struct Entry: Codable, Sendable {
        /// The extension number.
        public var extensionNumber: String
        /// Its contacts, highest q first.
        public var contacts: [Contact]

        enum CodingKeys: String, CodingKey {
            case extensionNumber = "extension"
            case contacts
        }
    }

    /// The extensions with at least one contact, by number.
    public var registrations: [Entry]
}
