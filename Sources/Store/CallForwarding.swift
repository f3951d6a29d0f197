// SPDX-License-Identifier: Apache-2.0

/// Where calls to an extension go instead of, or after, ringing it.
public struct CallForwarding: Sendable, Hashable, Codable {
    /// Ring time before no-answer forwarding when none was given.
    public static let defaultNoAnswerSeconds = 20
    /// The accepted no-answer ring times, in seconds.
    public static let noAnswerSecondsRange = 1...300

    /// Forward every call here without ringing the extension.
    public var always: String?
    /// Forward here when every contact of the extension is busy (486/600).
    public var busy: String?
    /// Forward here when the extension does not answer in ``noAnswerAfterSeconds``.
    public var noAnswer: String?
    /// Ring time before no-answer forwarding; set whenever ``noAnswer`` is.
    public var noAnswerAfterSeconds: Int?

    /// Creates a forwarding setting; all `nil` means no forwarding.
    public init(always: String? = nil, busy: String? = nil, noAnswer: String? = nil, noAnswerAfterSeconds: Int? = nil) {
        self.always = always
        self.busy = busy
        self.noAnswer = noAnswer
        self.noAnswerAfterSeconds = noAnswerAfterSeconds
    }

    /// No forwarding at all.
    public static let off = CallForwarding()

    /// `true` when no forwarding is set.
    public var isOff: Bool { always == nil && busy == nil && noAnswer == nil }
}
