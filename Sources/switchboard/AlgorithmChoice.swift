// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import SIP

/// The `--algorithm` value of `ext add` and `ext passwd`: pin one digest algorithm, or `any`.
enum AlgorithmChoice: String, CaseIterable, ExpressibleByArgument {
    case md5 = "md5"
    case sha256 = "sha-256"
    case sha512_256 = "sha-512-256"
    case any = "any"

    /// The pinned algorithm, or `nil` for `any`.
    var pinned: DigestAlgorithm? {
        switch self {
        case .md5: return .md5
        case .sha256: return .sha256
        case .sha512_256: return .sha512_256
        case .any: return nil
        }
    }

    static let help = ArgumentHelp(
        "Only challenge this extension with one digest algorithm (for phones that only speak MD5), or 'any'.",
        valueName: "md5|sha-256|sha-512-256|any"
    )
}
