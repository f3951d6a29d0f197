// SPDX-License-Identifier: Apache-2.0
import SIP
import Store

/// What the `ext` commands do: validate the request, derive the HA1 hashes from the password
/// for the realm, and change the store. The password itself is never stored.
struct ExtensionService {
    let database: SwitchboardDatabase
    /// The digest realm (`--domain`) the hashes are made for.
    let realm: String

    /// Provisions a new extension.
    func add(number: String, password: String, displayName: String?, algorithm: DigestAlgorithm?) throws
        -> ExtensionRecord
    {
        let record = try record(number: number, password: password, displayName: displayName, algorithm: algorithm)
        try database.insertExtension(record)
        return record
    }

    /// A new extension's record, checked by the rules of `add` and with its hashes, not stored yet.
    func record(number: String, password: String, displayName: String?, algorithm: DigestAlgorithm?) throws
        -> ExtensionRecord
    {
        try ExtensionPolicy.validate(number: number)
        try ExtensionPolicy.validate(password: password, number: number)
        if let displayName { try ExtensionPolicy.validate(displayName: displayName) }
        let credentials = try Self.credentials(number: number, password: password, realm: realm, pinned: algorithm)
        return ExtensionRecord(number: number, displayName: displayName, credentials: credentials)
    }

    /// Which of `numbers` are provisioned already.
    func existingNumbers(among numbers: [String]) throws -> Set<String> {
        Set(try database.extensionRecords().map(\.number)).intersection(numbers)
    }

    /// Removes an extension and its registrations.
    func remove(number: String) throws {
        try database.deleteExtension(number: number)
    }

    /// Replaces the password hashes, for the current realm. `algorithm` `nil` keeps the pinned
    /// algorithm as it is; ``AlgorithmChoice/any`` clears it.
    func changePassword(number: String, password: String, algorithm: AlgorithmChoice?) throws -> ExtensionRecord {
        try ExtensionPolicy.validate(password: password, number: number)
        guard let current = try database.extensionRecord(number: number) else {
            throw StoreError.unknownExtension(number)
        }
        let pinned = algorithm.map(\.pinned) ?? current.pinnedAlgorithm.flatMap { DigestAlgorithm(token: $0) }
        let credentials = try Self.credentials(number: number, password: password, realm: realm, pinned: pinned)
        return try database.updateExtension(number: number) { $0.credentials = credentials }
    }

    /// Changes call forwarding.
    func forward(number: String, change: ForwardingChange) throws -> ExtensionRecord {
        try change.validate(number: number)
        return try database.updateExtension(number: number) { $0.forwarding = change.applied(to: $0.forwarding) }
    }

    /// One extension; throws ``StoreError/unknownExtension(_:)`` if there is none.
    func show(number: String) throws -> ExtensionRecord {
        guard let record = try database.extensionRecord(number: number) else {
            throw StoreError.unknownExtension(number)
        }
        return record
    }

    /// Every extension, in numeric order.
    func list() throws -> [ExtensionRecord] {
        try database.extensionRecords()
    }

    /// The HA1 of `password` for every algorithm; the extension number is the digest username.
    static func credentials(number: String, password: String, realm: String, pinned: DigestAlgorithm?) throws
        -> DigestCredentials
    {
        func ha1(_ algorithm: DigestAlgorithm) throws -> String {
            try DigestHash.ha1(username: number, realm: realm, password: password, algorithm: algorithm)
        }
        return DigestCredentials(
            realm: realm, ha1MD5: try ha1(.md5), ha1SHA256: try ha1(.sha256), ha1SHA512_256: try ha1(.sha512_256),
            pinnedAlgorithm: pinned?.token
        )
    }
}
