// SPDX-License-Identifier: Apache-2.0
import Logging
import NIOCore
import SIP
import SIPStack
import SIPTransport

/// The UAS core (RFC 3261 §8.2): checks every new request in the order the RFC gives, answers
/// what the server itself handles (OPTIONS), and passes the rest to the registrar and the call
/// controller.
final class SIPEndpoint: SIPStackDelegate {
    /// Methods Switchboard answers (the Allow header, RFC 3261 §20.5).
    static let allowedMethods: [SIPMethod] = [.invite, .ack, .bye, .cancel, .options, .register, .info, .message, .update]
    /// Option tags Switchboard supports (Supported, RFC 3261 §20.37).
    static let supportedExtensions: [String] = ["path", "outbound"]

    let logger: Logger
    let services: EndpointServices

    init(services: EndpointServices, logger: Logger) {
        self.services = services
        self.logger = logger
    }

    func stack(_ shard: SIPStackShard, didReceive request: SIPRequest, transaction: ServerTransaction) {
        if let source = transaction.flow.remote.ipAddress, services.bans.isBanned(source) {
            transaction.respond(status: 403, reason: "Forbidden")
            return
        }
        if let rejection = Self.precheck(request) {
            transaction.respond(status: rejection.status, reason: rejection.reason, headers: rejection.headers)
            return
        }
        switch request.method {
        case .options where request.to?.tag == nil:
            transaction.respond(status: 200, headers: Self.capabilityHeaders)
        case .register:
            services.registrar.handle(request, transaction: transaction, on: shard)
        case .invite where request.to?.tag == nil:
            services.calls.handleInvite(request, transaction: transaction, on: shard)
        default:
            guard request.to?.tag != nil else {
                transaction.respond(status: 481, reason: "Call/Transaction Does Not Exist")
                return
            }
            services.calls.handleInDialog(request, transaction: transaction, on: shard)
        }
    }

    func stack(_ shard: SIPStackShard, didReceiveCancel cancel: SIPRequest, for invite: ServerTransaction) {
        services.calls.handleCancel(for: invite, on: shard)
    }

    func stack(_ shard: SIPStackShard, didReceiveAck ack: SIPRequest, over flow: SIPFlow) {
        services.calls.handleAck(ack, on: shard)
    }

    func stack(_ shard: SIPStackShard, didReceiveStray response: SIPResponse, over flow: SIPFlow) {
        services.calls.handleStray(response, on: shard)
    }

    func stack(_ stack: SIPStack, flowDidClose flow: SIPFlow) {
        services.registrar.flowDidClose(flow, on: stack.shards[0].eventLoop)
    }

    /// Allow, Accept and Supported: what OPTIONS and 405 answers advertise (RFC 3261 §11.2).
    static let capabilityHeaders: [(HeaderName, String)] = [
        (.allow, allowedMethods.map(\.name).joined(separator: ", ")),
        (.accept, "application/sdp"),
        (.acceptEncoding, "identity"),
        (.acceptLanguage, "en"),
        (.supported, supportedExtensions.joined(separator: ", ")),
    ]
}
