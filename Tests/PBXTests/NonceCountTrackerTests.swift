// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import PBX

/// Nonce-count replay protection (RFC 7616 §3.4.5) and how long a nonce is remembered.
@Suite struct NonceCountTrackerTests {
    private let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func aCountMustGrowForTheSameNonce() {
        let tracker = NonceCountTracker(retention: 600)
        #expect(tracker.accept(nonce: "a", count: 1, now: start))
        #expect(!tracker.accept(nonce: "a", count: 1, now: start))
        #expect(tracker.accept(nonce: "a", count: 2, now: start))
        #expect(!tracker.accept(nonce: "a", count: 1, now: start))
        #expect(tracker.accept(nonce: "b", count: 1, now: start))
    }

    @Test func aNonceIsForgottenRetentionAfterItsLastUse() {
        let tracker = NonceCountTracker(retention: 600)
        #expect(tracker.accept(nonce: "a", count: 1, now: start))
        #expect(tracker.accept(nonce: "b", count: 1, now: start))
        // "a" is used again later: it is remembered from that use on.
        #expect(tracker.accept(nonce: "a", count: 2, now: start + 300))
        #expect(!tracker.accept(nonce: "a", count: 2, now: start + 700))
        #expect(tracker.count == 1)
        // "b" was forgotten at start + 600, so its count starts again.
        #expect(tracker.accept(nonce: "b", count: 1, now: start + 700))
        #expect(tracker.accept(nonce: "a", count: 1, now: start + 901))
        #expect(tracker.count == 2)
    }
}
