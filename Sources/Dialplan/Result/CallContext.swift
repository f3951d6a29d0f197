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
    public var extensions: any ExtensionCatalog

    /// Creates a call context.
    public init(
        from: String,
        callerName: String = "",
        to: String,
        at: Date,
        origin: CallOrigin,
        context: String? = nil,
        extensions: any ExtensionCatalog
    ) {
        self.from = from
        self.callerName = callerName
        self.to = to
        self.at = at
        self.origin = origin
        self.context = context
        self.extensions = extensions
    }
}
