// SPDX-License-Identifier: Apache-2.0
import Foundation
import Store

/// Values shared by the store tests.
enum StoreFixtures {
    static let realm = "switchboard.local"
    static let epoch = Date(timeIntervalSince1970: 1_700_000_000)

    static func credentials(realm: String = realm, pinned: String? = nil) -> DigestCredentials {
        DigestCredentials(
            realm: realm, ha1MD5: String(repeating: "a", count: 32), ha1SHA256: String(repeating: "b", count: 64),
            ha1SHA512_256: String(repeating: "c", count: 64), pinnedAlgorithm: pinned
        )
    }

    static func extensionRecord(_ number: String, name: String? = nil) -> ExtensionRecord {
        ExtensionRecord(number: number, displayName: name, credentials: credentials(), now: epoch)
    }

    static func registration(_ number: String, contact: String, expiresAt: Date) -> RegistrationRecord {
        RegistrationRecord(
            extensionNumber: number, contact: contact, instanceID: "<urn:uuid:00000000-0000-0000-0000-000000000001>",
            regID: 1, callID: "call-\(contact)", cseq: 7, expiresAt: expiresAt, q: 0.5, transport: "udp",
            sourceAddress: "192.0.2.10", sourcePort: 5062, localListener: "udp:0.0.0.0:5060",
            userAgent: "TestPhone/1.0", updatedAt: epoch
        )
    }

    /// A new empty folder under the system temporary directory.
    static func temporaryDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("switchboard-store-\(UUID().uuidString)", isDirectory: true)
        return url.path
    }
}
