// SPDX-License-Identifier: Apache-2.0

/// Which context a call starts in, by where it comes from (the top-level `start:` section).
public struct StartContexts: Sendable, Hashable {
    /// Context for calls from authenticated extensions; `internal` unless configured.
    public var extensions: String
    /// Context for calls arriving over a trunk; `public` unless configured.
    public var trunks: String
    /// Context for calls from callers who did not authenticate; `public` unless configured.
    public var unauthenticated: String

    /// The defaults: `internal` for extensions, `public` for everything else.
    public init(extensions: String = "internal", trunks: String = "public", unauthenticated: String = "public") {
        self.extensions = extensions
        self.trunks = trunks
        self.unauthenticated = unauthenticated
    }

    /// The context a call from `origin` starts in.
    public func context(for origin: CallOrigin) -> String {
        switch origin {
        case .extension: return extensions
        case .trunk: return trunks
        case .unauthenticated: return unauthenticated
        }
    }
}
