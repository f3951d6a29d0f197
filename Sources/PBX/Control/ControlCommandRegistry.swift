// SPDX-License-Identifier: Apache-2.0
import Foundation
import NIOConcurrencyHelpers

/// The commands the control socket answers, registered by the services that own the data.
public final class ControlCommandRegistry: Sendable {
    /// Runs one command and returns its JSON-encodable result.
    public typealias Handler = @Sendable (ControlRequest) async throws -> any Encodable & Sendable

    private let handlers = NIOLockedValueBox<[String: Handler]>([:])

    /// Creates an empty registry.
    public init() {}

    /// Adds or replaces the handler of a command.
    public func register(_ command: String, handler: @escaping Handler) {
        handlers.withLockedValue { $0[command] = handler }
    }

    /// Runs a request and returns the whole response line (without the newline).
    func respond(to line: String) async -> String {
        let encoder = JSONEncoder.switchboard
        guard let request = try? JSONDecoder.switchboard.decode(ControlRequest.self, from: Data(line.utf8)) else {
            return Self.errorLine("malformed request: expected one JSON object with a \"command\" field")
        }
        guard let handler = handlers.withLockedValue({ $0[request.command] }) else {
            return Self.errorLine("unknown command '\(request.command)'")
        }
        do {
            let result = try await handler(request)
            let body = try encoder.encode(AnyEncodable(result))
            return #"{"ok":true,"result":"# + String(decoding: body, as: UTF8.self) + "}"
        } catch {
            return Self.errorLine("\(error)")
        }
    }

    private static func errorLine(_ message: String) -> String {
        let body = (try? JSONEncoder.switchboard.encode(ControlResponse<String>(ok: false, error: message)))
        return body.map { String(decoding: $0, as: UTF8.self) } ?? #"{"ok":false}"#
    }
}

/// Lets a heterogeneous result be encoded through its concrete type.
private struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
