// SPDX-License-Identifier: Apache-2.0
import Foundation

/// One request on the control socket: a JSON object on one line,
/// e.g. `{"command":"regs"}` or `{"command":"ban.remove","arguments":{"address":"192.0.2.7"}}`.
public struct ControlRequest: Codable, Sendable {
    /// The command name.
    public var command: String
    /// Named arguments, all strings.
    public var arguments: [String: String]

    /// Creates a request.
    public init(command: String, arguments: [String: String] = [:]) {
        self.command = command
        self.arguments = arguments
    }
}

/// The answer: `{"ok":true,"result":...}` or `{"ok":false,"error":"..."}`, on one line.
public struct ControlResponse<Result: Codable & Sendable>: Codable, Sendable {
    /// Whether the command succeeded.
    public var ok: Bool
    /// The command's result when it succeeded.
    public var result: Result?
    /// One line saying what went wrong when it did not.
    public var error: String?
}

/// A command the server could not carry out, with the line to show the user.
public struct ControlCommandError: Error, Sendable, CustomStringConvertible {
    /// The message for the user.
    public var description: String

    /// Creates an error with a message for the user.
    public init(_ description: String) {
        self.description = description
    }
}

extension JSONEncoder {
    /// Stable output for scripts and golden tests: sorted keys, ISO 8601 dates.
    public static var switchboard: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}

extension JSONDecoder {
    /// The counterpart of `JSONEncoder.switchboard`.
    public static var switchboard: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
