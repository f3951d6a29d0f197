// SPDX-License-Identifier: Apache-2.0
import Foundation
import SIP

/// Stateless digest nonces (RFC 7616 §3.3 leaves the form to the server): the issue time, a
/// random salt, and an HMAC-SHA256 over both and the realm under a secret kept in the store.
/// Any process sharing the store can verify a nonce; nothing is remembered per challenge.
struct NonceFactory: Sendable {
    enum Validity: Equatable {
        /// Made by us, and younger than the lifetime.
        case fresh
        /// Made by us, but too old: answer `stale=true` if the response is otherwise right.
        case stale
        /// Not made by us (or damaged).
        case invalid
    }

    let secret: [UInt8]
    let realm: String
    /// How long a nonce stays fresh.
    let lifetime: TimeInterval

    private static let timeLength = 16
    private static let saltLength = 16
    private static let macLength = 32

    func make(now: Date = Date()) -> String {
        let time = Self.hex(UInt64(max(0, now.timeIntervalSince1970)))
        let salt = DigestHash.hex((try? DigestHash.randomBytes(count: Self.saltLength / 2)) ?? Self.fallbackSalt())
        return time + salt + mac(time + salt)
    }

    func validate(_ nonce: String, now: Date = Date()) -> Validity {
        let bytes = Array(nonce.utf8)
        guard bytes.count == Self.timeLength + Self.saltLength + Self.macLength,
            let issued = UInt64(String(decoding: bytes[0..<Self.timeLength], as: UTF8.self), radix: 16)
        else { return .invalid }
        let signed = String(decoding: bytes[0..<(Self.timeLength + Self.saltLength)], as: UTF8.self)
        let expected = Array(mac(signed).utf8)
        guard DigestHash.constantTimeEquals(bytes[(Self.timeLength + Self.saltLength)...], expected) else {
            return .invalid
        }
        let age = now.timeIntervalSince1970 - TimeInterval(issued)
        // A nonce from the future (clock stepped back) is treated as stale rather than invalid.
        return age >= 0 && age <= lifetime ? .fresh : .stale
    }

    private func mac(_ text: String) -> String {
        let digest = (try? DigestHash.hmacSHA256(key: secret, message: Array((text + ":" + realm).utf8))) ?? []
        return String(DigestHash.hex(digest).prefix(Self.macLength))
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, timeLength - digits.count)) + digits
    }

    private static func fallbackSalt() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<(saltLength / 2)).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
