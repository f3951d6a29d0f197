// SPDX-License-Identifier: Apache-2.0
import SIP

/// The digest session a trunk answers its provider's challenges with, reused on refreshes
/// (nc counts up) until the provider sends a new challenge.
struct TrunkAuthorization: Sendable {
    /// The challenge's state: realm, nonce, nc.
    var session: DigestClientSession
    /// `Authorization` for a 401, `Proxy-Authorization` for a 407 (RFC 3261 §22.2, §22.3).
    var header: HeaderName
    /// True until the credentials built from the latest challenge have been sent once: a
    /// rejection of those means the password is wrong, a rejection of reused ones may only
    /// mean the nonce has aged.
    var isFresh = true
}
