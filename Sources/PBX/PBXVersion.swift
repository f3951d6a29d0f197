// SPDX-License-Identifier: Apache-2.0

/// The version Switchboard reports in `status` and in `Server`/`User-Agent` headers.
public enum PBXVersion {
    /// The release version.
    public static let string = "0.1.0"
    /// The product token for `Server` and `User-Agent` (RFC 3261 §20.35, §20.41).
    public static let productToken = "Switchboard/\(string)"
}
