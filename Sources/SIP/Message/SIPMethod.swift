// SPDX-License-Identifier: Apache-2.0

/// A SIP request method. Methods are case-sensitive (RFC 3261 §7.1): `invite` is an extension
/// method, not INVITE.
public enum SIPMethod: Hashable, Sendable {
    case invite, ack, bye, cancel, options, register, prack, subscribe, notify, publish, info, refer
    case message, update
    /// Any other token.
    case `extension`(String)

    /// All methods Switchboard knows by name, in a stable order.
    public static let knownMethods: [SIPMethod] = [
        .invite, .ack, .bye, .cancel, .options, .register, .prack, .subscribe, .notify, .publish,
        .info, .refer, .message, .update,
    ]

    /// Creates a method from its token (case-sensitive).
    public init(_ token: String) {
        self = SIPMethod.knownMethods.first { $0.name == token } ?? .extension(token)
    }

    /// Matches raw bytes against the known methods without creating a String.
    init(bytes: UnsafeRawBufferPointer) {
        for method in SIPMethod.knownMethods {
            let name = method.name.utf8
            if name.count == bytes.count && name.elementsEqual(bytes) {
                self = method
                return
            }
        }
        self = .extension(String(decoding: bytes, as: UTF8.self))
    }

    /// The method token as written on the wire.
    public var name: String {
        switch self {
        case .invite: return "INVITE"
        case .ack: return "ACK"
        case .bye: return "BYE"
        case .cancel: return "CANCEL"
        case .options: return "OPTIONS"
        case .register: return "REGISTER"
        case .prack: return "PRACK"
        case .subscribe: return "SUBSCRIBE"
        case .notify: return "NOTIFY"
        case .publish: return "PUBLISH"
        case .info: return "INFO"
        case .refer: return "REFER"
        case .message: return "MESSAGE"
        case .update: return "UPDATE"
        case .extension(let token): return token
        }
    }
}

extension SIPMethod: CustomStringConvertible {
    /// The method token.
    public var description: String { name }
}
