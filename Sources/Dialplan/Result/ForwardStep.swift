// SPDX-License-Identifier: Apache-2.0

/// Why a call is forwarded; maps to the History-Info cause (RFC 4458) and Diversion reason.
public enum ForwardReason: String, Sendable, Hashable {
    /// The dialplan or an extension's "always" setting forwards every call.
    case unconditional
    /// The extension was busy.
    case busy
    /// The extension did not answer in time.
    case noAnswer = "no-answer"
}

/// A `forward` step after substitution.
public struct ForwardStep: Sendable, Hashable {
    /// The number the caller dialled, named in History-Info / Diversion; nil when not an extension.
    public var originalTarget: String?
    /// Where the call goes now.
    public var target: DialTarget
    /// Why.
    public var reason: ForwardReason

    /// Creates a forward step.
    public init(originalTarget: String?, target: DialTarget, reason: ForwardReason) {
        self.originalTarget = originalTarget
        self.target = target
        self.reason = reason
    }
}
