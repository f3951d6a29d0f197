// SPDX-License-Identifier: Apache-2.0

/// Where a secret (a trunk password) is found. The dialplan only records the reference; the
/// server reads the environment variable or file when it loads the plan, so `dialplan check`
/// works without the secret.
public enum SecretReference: Sendable, Hashable, CustomStringConvertible {
    /// The secret written in the dialplan itself.
    case literal(String)
    /// The value of an environment variable: `{env: NAME}`.
    case environment(String)
    /// The contents of a file, without a trailing line break: `{file: /path}`.
    case file(String)

    /// Names the reference without revealing a literal secret.
    public var description: String {
        switch self {
        case .literal: return "a password in the dialplan"
        case .environment(let name): return "environment variable \(name)"
        case .file(let path): return "file \(path)"
        }
    }
}
