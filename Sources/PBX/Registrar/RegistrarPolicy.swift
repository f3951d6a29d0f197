// SPDX-License-Identifier: Apache-2.0

/// Limits the registrar applies (RFC 3261 §10.3).
public struct RegistrarPolicy: Sendable {
    /// Shortest registration accepted; shorter ones get 423 with Min-Expires.
    public var minExpires: UInt32 = 60
    /// Longest registration granted; longer requests are shortened to it.
    public var maxExpires: UInt32 = 7_200
    /// Granted when the REGISTER names no expiry.
    public var defaultExpires: UInt32 = 3_600
    /// Most contacts one extension may have registered at once.
    public var maxContactsPerExtension = 10

    /// The defaults.
    public init() {}
}
