// SPDX-License-Identifier: Apache-2.0

/// The `o=` line one call leg writes, versioned as RFC 3264 §8 requires.
///
/// A B2BUA sends its own origin on each leg. Every description it sends on the leg carries that origin; the
/// version goes up by one when, and only when, the content differs from the previous description sent.
public struct LegOrigin: Hashable, Sendable {
    /// The origin the next description will carry if its content is unchanged.
    public private(set) var origin: Origin
    /// The last description stamped, as sent.
    public private(set) var lastSent: SessionDescription?

    /// Starts a leg with `origin`; the first description sent carries it unchanged.
    public init(origin: Origin) {
        self.origin = origin
    }

    /// `description` with this leg's origin, the version bumped if the content changed since the last one.
    public mutating func stamp(_ description: SessionDescription) -> SessionDescription {
        if let lastSent, !lastSent.hasSameContent(as: description) {
            origin = origin.incrementingVersion()
        }
        var outgoing = description
        outgoing.origin = origin
        lastSent = outgoing
        return outgoing
    }
}
