// SPDX-License-Identifier: Apache-2.0

/// What went wrong in the store, or with a value given to it. Each description is one line
/// that names the problem and what to do about it.
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `ext add` for a number that is already provisioned.
    case extensionExists(String)
    /// A number that is not provisioned.
    case unknownExtension(String)
    /// An extension number that is not 2 to 15 digits.
    case invalidNumber(String)
    /// A password that breaks the password rule; `reason` says which part.
    case weakPassword(reason: String)
    /// A call-forwarding target that is neither a number nor a `sip:`/`sips:` URI.
    case invalidForwardTarget(String)
    /// Forwarding an extension to itself, which would loop.
    case forwardToSelf(String)
    /// A no-answer ring time outside ``CallForwarding/noAnswerSecondsRange``.
    case invalidRingTime(Int)
    /// A no-answer ring time given without a no-answer target.
    case ringTimeWithoutNoAnswerTarget
    /// A display name with control characters or longer than ``ExtensionPolicy/maximumDisplayNameLength``.
    case invalidDisplayName(String)
    /// The extension's HA1 hashes were made for another realm than the server's `--domain`.
    case realmMismatch(number: String, storedRealm: String, serverRealm: String)
    /// `ban remove` for an address that is not banned.
    case unknownBan(String)
    /// The database file could not be opened or created.
    case cannotOpen(path: String, reason: String)
    /// SQLite reported an error; `message` is its explanation.
    case database(String)

    /// One line naming the problem and what to do.
    public var description: String {
        switch self {
        case .extensionExists(let number):
            return "extension \(number) already exists; use 'ext passwd' to change its password"
                + " or 'ext remove' first"
        case .unknownExtension(let number):
            return "no extension \(number); see 'switchboard ext list'"
        case .invalidNumber(let text):
            return "invalid extension number '\(text)': use 2 to 15 digits"
        case .weakPassword(let reason):
            return "weak password: \(reason); use at least \(ExtensionPolicy.minimumPasswordLength) characters,"
                + " not all the same and not the extension number"
        case .invalidForwardTarget(let target):
            return "invalid forwarding target '\(target)': use a number (digits, optional leading +)"
                + " or a sip: URI"
        case .forwardToSelf(let number):
            return "extension \(number) cannot forward to itself; choose another target"
        case .invalidRingTime(let seconds):
            let range = CallForwarding.noAnswerSecondsRange
            return "invalid ring time \(seconds): use \(range.lowerBound) to \(range.upperBound) seconds"
        case .ringTimeWithoutNoAnswerTarget:
            return "a ring time (--after) needs a no-answer target (--no-answer TARGET)"
        case .invalidDisplayName:
            return "invalid display name: use at most \(ExtensionPolicy.maximumDisplayNameLength) characters"
                + " and no control characters"
        case .realmMismatch(let number, let storedRealm, let serverRealm):
            return "extension \(number) has credentials for realm '\(storedRealm)', not '\(serverRealm)';"
                + " run 'switchboard ext passwd \(number) --password SECRET --domain \(serverRealm)'"
        case .unknownBan(let address):
            return "address \(address) is not banned; see 'switchboard ban list'"
        case .cannotOpen(let path, let reason):
            return "cannot open database \(path): \(reason); check --data and its permissions"
        case .database(let message):
            return "database error: \(message)"
        }
    }
}
