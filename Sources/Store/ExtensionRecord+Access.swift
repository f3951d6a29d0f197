// SPDX-License-Identifier: Apache-2.0

extension ExtensionRecord {
    /// The HA1 and realm as one value, to read or replace together.
    public var credentials: DigestCredentials {
        get {
            DigestCredentials(
                realm: realm, ha1MD5: ha1MD5, ha1SHA256: ha1SHA256, ha1SHA512_256: ha1SHA512_256,
                pinnedAlgorithm: pinnedAlgorithm
            )
        }
        set {
            realm = newValue.realm
            ha1MD5 = newValue.ha1MD5
            ha1SHA256 = newValue.ha1SHA256
            ha1SHA512_256 = newValue.ha1SHA512_256
            pinnedAlgorithm = newValue.pinnedAlgorithm
        }
    }

    /// The forwarding columns as one value.
    public var forwarding: CallForwarding {
        get {
            CallForwarding(
                always: forwardAlways, busy: forwardBusy, noAnswer: forwardNoAnswer,
                noAnswerAfterSeconds: forwardNoAnswerAfterSeconds
            )
        }
        set {
            forwardAlways = newValue.always
            forwardBusy = newValue.busy
            forwardNoAnswer = newValue.noAnswer
            forwardNoAnswerAfterSeconds = newValue.noAnswerAfterSeconds
        }
    }

    /// The HA1 for a digest algorithm name (`"MD5"`, `"SHA-256"`, `"SHA-512-256"`, any case),
    /// or `nil` for an unknown name.
    public func ha1(forAlgorithm name: String) -> String? {
        switch name.uppercased() {
        case "MD5": return ha1MD5
        case "SHA-256": return ha1SHA256
        case "SHA-512-256": return ha1SHA512_256
        default: return nil
        }
    }

    /// Throws ``StoreError/realmMismatch(number:storedRealm:serverRealm:)`` when the hashes were
    /// made for another realm than `serverRealm`: after changing `--domain`, every extension
    /// needs `ext passwd` again, because HA1 includes the realm (RFC 7616 §3.4.2).
    public func checkRealm(_ serverRealm: String) throws(StoreError) {
        guard realm == serverRealm else {
            throw .realmMismatch(number: number, storedRealm: realm, serverRealm: serverRealm)
        }
    }
}
