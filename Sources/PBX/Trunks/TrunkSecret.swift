// SPDX-License-Identifier: Apache-2.0
import Dialplan
import Foundation

/// Reads the secret a trunk's `password` refers to, when the plan is loaded.
enum TrunkSecret {
    /// Why a referenced secret could not be read.
    struct ReadError: Error, CustomStringConvertible {
        let description: String
    }

    /// A secret, or why it could not be read.
    typealias Outcome = Result<String, ReadError>

    /// The password: the literal, the environment variable's value, or the file's contents
    /// without a trailing line break.
    static func read(
        _ reference: SecretReference,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ReadError) -> String {
        switch reference {
        case .literal(let password): return password
        case .environment(let name):
            guard let value = environment[name], !value.isEmpty else {
                throw ReadError(
                    description: "environment variable \(name) is not set; export it before starting the server")
            }
            return value
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ReadError(description: "cannot read password file \(path); check that it exists and is readable")
            }
            var text = String(decoding: data, as: UTF8.self)
            while text.last?.isNewline == true { text.removeLast() }
            guard !text.isEmpty else { throw ReadError(description: "password file \(path) is empty") }
            return text
        }
    }
}
