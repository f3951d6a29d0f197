// SPDX-License-Identifier: Apache-2.0

/// The fields of an SRV record (RFC 2782).
public struct DNSSRVRecord: Sendable, Hashable {
    /// Lower values are tried first.
    public var priority: UInt16
    /// Relative share among records of the same priority.
    public var weight: UInt16
    /// The port of the service on the target.
    public var port: UInt16
    /// The host offering the service; the root name means "not offered here".
    public var target: DNSName

    /// Builds an SRV record's data.
    public init(priority: UInt16, weight: UInt16, port: UInt16, target: DNSName) {
        self.priority = priority
        self.weight = weight
        self.port = port
        self.target = target
    }
}
