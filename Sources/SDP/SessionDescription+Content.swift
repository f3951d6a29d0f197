// SPDX-License-Identifier: Apache-2.0

extension SessionDescription {
    /// True when the two descriptions are equal apart from their `o=` lines.
    public func hasSameContent(as other: SessionDescription) -> Bool {
        var comparable = other
        comparable.origin = origin
        return comparable == self
    }
}
