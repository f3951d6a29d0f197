// SPDX-License-Identifier: Apache-2.0

/// Where a call comes from; decides its start context.
public enum CallOrigin: Sendable, Hashable {
    /// An extension that authenticated (RFC 3261 §22 digest).
    case `extension`
    /// A trunk, by name.
    case trunk(String)
    /// A caller that did not authenticate.
    case unauthenticated
}
