// SPDX-License-Identifier: Apache-2.0

/// A section that holds `a=` lines: the session level or one media description.
public protocol SDPAttributeContainer {
    /// The `a=` lines, in order.
    var attributes: [SDPAttribute] { get set }
}

extension SDPAttributeContainer {
    /// The first attribute called `name` (attribute names are case-sensitive, RFC 4566 §5.13).
    public func attribute(named name: String) -> SDPAttribute? {
        attributes.first { $0.name == name }
    }

    /// The values of all attributes called `name`, in order; property attributes are skipped.
    public func attributeValues(named name: String) -> [String] {
        attributes.compactMap { $0.name == name ? $0.value : nil }
    }

    /// The direction attribute of this section, if any (RFC 3264 §5.1); setting it replaces any present
    /// one in place, or appends one, and nil removes them all.
    public var direction: MediaDirection? {
        get {
            attributes.lazy.compactMap { MediaDirection(rawValue: $0.name) }.first
        }
        set {
            let firstIndex = attributes.firstIndex { MediaDirection(rawValue: $0.name) != nil }
            attributes.removeAll { MediaDirection(rawValue: $0.name) != nil }
            guard let newValue else { return }
            let attribute = SDPAttribute(name: newValue.rawValue)
            attributes.insert(attribute, at: min(firstIndex ?? attributes.endIndex, attributes.endIndex))
        }
    }
}
