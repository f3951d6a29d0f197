// SPDX-License-Identifier: Apache-2.0

/// An extension catalog held in memory: for dry runs (`dialplan test`) and tests.
public struct StaticExtensionCatalog: ExtensionCatalog, Hashable {
    /// Provisioned extension numbers and their forwarding settings.
    public var extensions: [String: ExtensionForwarding]

    /// Creates a catalog where each of `numbers` is provisioned without forwarding.
    public init(numbers: [String]) {
        self.extensions = Dictionary(numbers.map { ($0, ExtensionForwarding()) }, uniquingKeysWith: { a, _ in a })
    }

    /// Creates a catalog from numbers and their forwarding settings.
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
