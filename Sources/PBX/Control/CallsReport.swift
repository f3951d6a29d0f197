// SPDX-License-Identifier: Apache-2.0
import Foundation

/// What `switchboard calls` shows: the live calls.
public struct CallsReport: Codable, Sendable {
    /// One leg of a call: Switchboard's dialog with one phone.
    public struct Leg: Codable, Sendable {
        /// `caller` (the UAS leg) or `callee` (a UAC leg).
        public var role: String
        /// The dialog's Call-ID on that leg.
        public var callID: String
        /// The phone's address (`udp 192.0.2.4:5060`).
        public var flow: String
        /// `trying`, `ringing`, `early`, `confirmed`, `terminated`.
        public var state: String
        /// The relay's RTP port for this leg, once media is set up.
        public var mediaPort: Int?
    }

    /// One call.
    public struct Call: Codable, Sendable {
        /// Switchboard's identifier of the call.
        public var id: String
        /// The calling extension or number.
        public var caller: String
        /// The number dialled.
        public var callee: String
        /// `routing`, `ringing`, `answered`, `ending`.
        public var state: String
        /// When the call began.
        public var startedAt: Date
        /// When it was answered, if it was.
        public var answeredAt: Date?
        /// Seconds since it began.
        public var durationSeconds: Int
        /// Its legs.
        public var legs: [Leg]
    }

    /// The live calls, oldest first.
    public var calls: [Call]
}
