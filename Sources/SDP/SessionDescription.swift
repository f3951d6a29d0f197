// SPDX-License-Identifier: Apache-2.0

/// A session description (RFC 4566).
public struct SessionDescription: Hashable, Sendable {
    public init() {}
}
