// SPDX-License-Identifier: Apache-2.0

/// The rules for extension numbers, passwords and forwarding targets.
///
/// - Numbers are 2 to 15 ASCII digits (15 is the E.164 maximum length).
/// - Passwords have at least ``minimumPasswordLength`` characters, are not one character
///   repeated, and are not the extension number.
/// - Display names have 1 to 64 characters and no control characters.
/// - Forwarding targets are a dialable number (`+` then 1 to 32 digits, `*` or `#`) or a
///   `sip:`/`sips:` URI without spaces or control characters.
public enum ExtensionPolicy {
    /// The shortest password accepted.
    public static let minimumPasswordLength = 8
    /// The longest display name accepted, in characters.
    public static let maximumDisplayNameLength = 64
    /// The allowed lengths of an extension number.
    public static let numberLengths = 2...15

    /// Throws ``StoreError/invalidNumber(_:)`` unless `number` is 2 to 15 ASCII digits.
    public static func validate(number: String) throws(StoreError) {
        guard numberLengths.contains(number.utf8.count), number.utf8.allSatisfy(isDigit) else {
            throw .invalidNumber(number)
        }
    }

    /// Throws ``StoreError/weakPassword(reason:)`` unless `password` follows the password rule.
    public static func validate(password: String, number: String) throws(StoreError) {
        if password.isEmpty {
            throw .weakPassword(reason: "the password is empty")
        }
        if password.count < minimumPasswordLength {
            throw .weakPassword(reason: "the password is shorter than \(minimumPasswordLength) characters")
        }
        if Set(password).count == 1 {
            throw .weakPassword(reason: "the password repeats one character")
        }
        if password == number {
            throw .weakPassword(reason: "the password is the extension number")
        }
    }

    /// Throws ``StoreError/invalidDisplayName(_:)`` for an empty or overlong name, or one with
    /// control characters (it is sent in From headers, RFC 3261 §20.20).
    public static func validate(displayName: String) throws(StoreError) {
        let hasControl = displayName.unicodeScalars.contains { $0.properties.generalCategory == .control }
        guard !displayName.isEmpty, displayName.count <= maximumDisplayNameLength, !hasControl else {
            throw .invalidDisplayName(displayName)
        }
    }

    /// Throws unless `target` is a dialable number or a SIP URI, and not `number` itself.
    public static func validate(forwardTarget target: String, number: String) throws(StoreError) {
        if target == number {
            throw .forwardToSelf(number)
        }
        let lowered = target.lowercased()
        if lowered.hasPrefix("sip:") || lowered.hasPrefix("sips:") {
            let rest = target.drop(while: { $0 != ":" }).dropFirst()
            guard !rest.isEmpty, target.unicodeScalars.allSatisfy(isURICharacter) else {
                throw .invalidForwardTarget(target)
            }
            return
        }
        let digits = target.hasPrefix("+") ? target.utf8.dropFirst() : target.utf8[...]
        guard (1...32).contains(digits.count), digits.allSatisfy({ isDigit($0) || $0 == 0x2A || $0 == 0x23 }) else {
            throw .invalidForwardTarget(target)
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    private static func isURICharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value > 0x20 && scalar.value < 0x7F
    }
}
