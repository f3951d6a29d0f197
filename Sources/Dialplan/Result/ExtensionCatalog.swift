// SPDX-License-Identifier: Apache-2.0

/// What the dialplan may ask about extensions while routing a call.
public protocol ExtensionCatalog: Sendable {
    /// True when `number` is a provisioned extension.
    func isProvisioned(_ number: String) -> Bool
    /// The forwarding settings of a provisioned extension; nil when it forwards nothing.
    func forwarding(of number: String) -> ExtensionForwarding?
}

/// One extension's forwarding settings (`switchboard ext forward`).
public struct ExtensionForwarding: Sendable, Hashable {
    /// Forward every call here, without ringing the extension.
    public var always: String?
    /// Forward here when the extension is busy.
    public var busy: String?
    /// Forward here when the extension does not answer.
    public var noAnswer: String?
    /// Seconds to ring before the no-answer forward; nil: the dial's timeout.
    public var noAnswerAfter: Int?

    /// Creates forwarding settings.
    public init(always: String? = nil, busy: String? = nil, noAnswer: String? = nil, noAnswerAfter: Int? = nil) {
        self.always = always
        self.busy = busy
        self.noAnswer = noAnswer
        self.noAnswerAfter = noAnswerAfter
    }
}
