// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Everything the dialplan needs to know about one call; the caller gathers it, so routing
/// stays pure.
public struct CallContext: Sendable {
    /// The caller's number (user part of From, or of P-Asserted-Identity for trusted trunks).
    public var from: String
    /// The caller's display name, if any.
    public var callerName: String
    /// The dialled number (user part of the Request-URI).
    public var to: String
    /// When the call arrived; clock conditions read it in their own time zones.
    public var at: Date
    /// Where the call comes from; picks the start context.
    public var origin: CallOrigin
    /// Starts in this context instead of the one `origin` picks (e.g. re-routing a forward).
    public var context: String?
    /// The provisioned extensions and their forwarding settings, as of this call.
    public var directory: any ExtensionDirectory

    /// Creates a call context.
    public init(
        from: String,
        callerName: String = "",
        to: String,
        at: Date,
        origin: CallOrigin,
        context: String? = nil,
        directory: any ExtensionDirectory
    ) {
        self.from = from
        self.callerName = callerName
        self.to = to
        self.at = at
        self.origin = origin
        self.context = context
        self.directory = directory
    }
}

/// What the dialplan may ask about extensions while routing a call.
public protocol ExtensionDirectory: Sendable {
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

/// An extension directory held in memory: for dry runs (`dialplan test`) and tests.
public struct StaticExtensionDirectory: ExtensionDirectory, Hashable {
    /// Provisioned extension numbers and their forwarding settings.
    public var extensions: [String: ExtensionForwarding]

    /// Creates a directory where each of `numbers` is provisioned without forwarding.
    public init(numbers: [String]) {
        self.extensions = Dictionary(numbers.map { ($0, ExtensionForwarding()) }, uniquingKeysWith: { a, _ in a })
    }

    /// Creates a directory from numbers and their forwarding settings.
    public init(extensions: [String: ExtensionForwarding]) {
        self.extensions = extensions
    }

    /// True when `number` is listed.
    public func isProvisioned(_ number: String) -> Bool { extensions[number] != nil }

    /// The settings of `number`, nil when it forwards nothing.
    public func forwarding(of number: String) -> ExtensionForwarding? {
        extensions[number].flatMap { $0 == ExtensionForwarding() ? nil : $0 }
    }
}
