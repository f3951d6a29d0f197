// SPDX-License-Identifier: Apache-2.0

/// The stored form of an extension's password: its HA1 hashes for one realm.
public struct DigestCredentials: Sendable, Hashable {
    /// The realm the hashes include.
    public var realm: String
    /// `MD5(number:realm:password)`, lower-case hex.
    public var ha1MD5: String
    /// `SHA-256(number:realm:password)`, lower-case hex.
    public var ha1SHA256: String
    /// `SHA-512-256(number:realm:password)`, lower-case hex.
    public var ha1SHA512_256: String
    /// The only digest algorithm to offer this extension (`"MD5"`, `"SHA-256"`), or `nil` for all.
    public var pinnedAlgorithm: String?

    /// Creates credentials from hashes computed elsewhere (the store never sees a password).
    public init(realm: String, ha1MD5: String, ha1SHA256: String, ha1SHA512_256: String, pinnedAlgorithm: String?) {
        self.realm = realm
        self.ha1MD5 = ha1MD5
        self.ha1SHA256 = ha1SHA256
        self.ha1SHA512_256 = ha1SHA512_256
        self.pinnedAlgorithm = pinnedAlgorithm
    }
}
