// SPDX-License-Identifier: Apache-2.0

/// The protocol version Switchboard speaks: `SIP/2.0` (RFC 3261 §7.1).
public enum SIPVersion {
    public static let string = "SIP/2.0"
}
