// SPDX-License-Identifier: Apache-2.0
import Dialplan
import Foundation
import NIOConcurrencyHelpers

/// The trunks' passwords, read from the dialplan, the environment or a file when the plan is
/// loaded, so that a call answering a challenge never waits on disk.
final class TrunkPasswords: Sendable {
    private let passwords = NIOLockedValueBox<[String: String]>([:])

    /// Reads the password of every trunk of `plan`; a trunk whose secret cannot be read has
    /// none (its challenges go unanswered) and is named in the returned problems.
    @discardableResult
    func load(from plan: Dialplan) -> [String] {
        var read: [String: String] = [:]
        var problems: [String] = []
        for trunk in plan.trunks.values {
            guard let reference = trunk.password else { continue }
            if let secret = Self.read(reference) {
                read[trunk.name] = secret
            } else {
                problems.append("trunk '\(trunk.name)': cannot read its password from \(reference)")
            }
        }
        passwords.withLockedValue { $0 = read }
        return problems
    }

    /// The password of `trunk`, if it has one that could be read.
    func password(of trunk: String) -> String? {
        passwords.withLockedValue { $0[trunk] }
    }

    private static func read(_ reference: SecretReference) -> String? {
        switch reference {
        case .literal(let secret):
            return secret
        case .environment(let name):
            return ProcessInfo.processInfo.environment[name]
        case .file(let path):
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
            return String(text.reversed().drop { $0 == "\n" || $0 == "\r" }.reversed())
        }
    }
}
