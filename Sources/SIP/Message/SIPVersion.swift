// SPDX-License-Identifier: Apache-2.0

/// The protocol version Switchboard speaks: `SIP/2.0` (RFC 3261 §7.1).
public enum SIPVersion {
    /// The version token as written on start lines and in Via.
    public static let string = "SIP/2.0"
}
