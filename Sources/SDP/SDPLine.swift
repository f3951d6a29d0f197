// SPDX-License-Identifier: Apache-2.0

/// A line whose type letter this module does not model, kept verbatim so that relaying loses nothing.
public struct SDPLine: Hashable, Sendable {
    /// The type letter before "=".
    public var type: Character
    /// Everything after "=".
    public var value: String

    /// Creates a line.
    public init(type: Character, value: String) {
        self.type = type
        self.value = value
    }
}

extension Substring {
    /// The space-separated fields of an SDP value; runs of spaces count as one separator.
    var sdpFields: [Substring] {
        split(separator: " ", omittingEmptySubsequences: true)
    }
}
