// SPDX-License-Identifier: Apache-2.0
import Logging
import NIOCore
import SIP
import SIPTransport

/// The part of the stack one event loop owns: its transactions, in plain dictionaries touched
/// only on that loop (ARCHITECTURE.md, Threading). Other threads only hold a reference to post
/// work to `eventLoop`, hence `@unchecked Sendable`.
public final class SIPStackShard: @unchecked Sendable {
    /// The index of the shard, written into the branches and Call-IDs it creates.
    public let index: Int
    /// The loop that owns everything in the shard.
    public let eventLoop: any EventLoop
    /// The transport to send with.
    public let transport: SIPTransportLayer
    /// Timer values of the transactions.
    public let timers: SIPTimers
    weak var delegate: (any SIPStackDelegate)?
    let configuration: SIPStackConfiguration
    let logger: Logger

    var serverTransactions: [TransactionKey: ServerTransaction] = [:]
    var clientTransactions: [TransactionKey: ClientTransaction] = [:]
    /// Requests in progress without a To tag, by From tag, Call-ID and CSeq, to spot the same
    /// request arriving again by another path (RFC 3261 §8.2.2.2).
    var requestsWithoutToTag: [MergedRequestKey: TransactionKey] = [:]
    /// INVITE transactions that sent 300-699, for ACKs that arrive with another branch.
    var invitesAwaitingAck: [AckMatchKey: TransactionKey] = [:]
    /// Non-INVITE server transactions in Completed, as their final responses.
    let completedTransactions = CompletedServerTransactions()
    var completedSweepScheduled = false

    init(index: Int, eventLoop: any EventLoop, transport: SIPTransportLayer, configuration: SIPStackConfiguration, logger: Logger) {
        self.index = index
        self.eventLoop = eventLoop
        self.transport = transport
        self.timers = configuration.timers
        self.configuration = configuration
        self.logger = logger
    }

    /// Switchboard's Contact for dialogs over `flow`: the listener the flow belongs to.
    public func contact(for flow: SIPFlow, user: String = "switchboard") -> String {
        let transport = flow.kind == .udp ? "" : ";transport=\(flow.kind.rawValue)"
        return "<sip:\(user)@\(configuration.sentByHost(for: flow)):\(flow.local.port ?? flow.kind.defaultPort)\(transport)>"
    }

    /// Timers for the TU's own retransmissions (2xx, RFC 3261 §13.3.1.4).
    public var t1: Duration { timers.t1 }

    /// Live transactions (server, client); server ones include those completed and waiting for Timer J.
    public var transactionCounts: (server: Int, client: Int) {
        (serverTransactions.count + completedTransactions.count, clientTransactions.count)
    }

    /// Sends a request in a new client transaction, with Switchboard's Via (branch carrying this
    /// shard) on top. `handler` runs on this loop.
    @discardableResult
    public func sendRequest(_ request: SIPRequest, over flow: SIPFlow, handler: @escaping (ClientTransactionEvent) -> Void)
        -> ClientTransaction
    {
        eventLoop.preconditionInEventLoop()
        var request = request
        let via = Via(
            transport: flow.kind.viaName, host: configuration.sentByHost(for: flow), port: flow.local.port,
            parameters: [GenericParameter(name: "branch", value: SIPIdentifiers.branch(shard: index)), GenericParameter(name: "rport")])
        request.headers.addFirst(.via, via.description)
        decorate(&request.headers)
        return startClientTransaction(request, over: flow, handler: handler)
    }

    /// Sends a request outside any transaction — the ACK for a 2xx (RFC 3261 §13.2.2.4, §17.1.1.3:
    /// it is its own transaction-less message) — with Switchboard's Via and a new branch.
    public func sendStatelessRequest(_ request: SIPRequest, over flow: SIPFlow) {
        var request = request
        let via = Via(
            transport: flow.kind.viaName, host: configuration.sentByHost(for: flow), port: flow.local.port,
            parameters: [GenericParameter(name: "branch", value: SIPIdentifiers.branch(shard: index))])
        request.headers.addFirst(.via, via.description)
        decorate(&request.headers)
        sendStateless(.request(request), over: flow)
    }

    /// Sends bytes outside any transaction: the ACK for a 2xx and 2xx retransmissions (§13.3.1.4).
    public func sendStateless(_ message: SIPMessage, over flow: SIPFlow) {
        var bytes = ByteBufferAllocator().buffer(capacity: 512)
        message.write(into: &bytes)
        transport.send(bytes, over: flow).whenFailure { [logger] error in
            logger.debug("stateless send failed", metadata: ["flow": "\(flow)", "error": "\(error)"])
        }
    }

    @discardableResult
    func startClientTransaction(_ request: SIPRequest, over flow: SIPFlow, handler: @escaping (ClientTransactionEvent) -> Void)
        -> ClientTransaction
    {
        guard let branch = request.topVia?.branch,
            let key = TransactionKey.rfc3261(role: .client, branch: branch, sentByHost: "", sentByPort: nil, method: request.method.name)
        else { preconditionFailure("Internal inconsistency in SIPStackShard: a request of ours lacks its Via branch") }
        let transaction = ClientTransaction(request: request, flow: flow, key: key, shard: self, handler: handler)
        clientTransactions[key] = transaction
        transaction.begin()
        return transaction
    }

    /// Adds the product token to a response Switchboard sends.
    func decorate(_ response: inout SIPResponse) {
        if !response.headers.contains(.server) { response.headers.add(.server, configuration.productToken) }
    }

    /// Adds Max-Forwards and User-Agent to a request Switchboard originates.
    func decorate(_ headers: inout SIPHeaders) {
        if !headers.contains(.maxForwards) { headers.add(.maxForwards, "70") }
        if !headers.contains(.userAgent) { headers.add(.userAgent, configuration.productToken) }
    }

    func awaitAck(for transaction: ServerTransaction) {
        if let key = AckMatchKey(transaction.request) { invitesAwaitingAck[key] = transaction.key }
    }

    func remove(_ transaction: ServerTransaction) {
        if serverTransactions[transaction.key] === transaction { serverTransactions[transaction.key] = nil }
        if transaction.isInvite, let key = AckMatchKey(transaction.request), invitesAwaitingAck[key] == transaction.key {
            invitesAwaitingAck[key] = nil
        }
        if let merged = MergedRequestKey(transaction.request), requestsWithoutToTag[merged] == transaction.key {
            requestsWithoutToTag[merged] = nil
        }
    }

    func remove(_ transaction: ClientTransaction) {
        if clientTransactions[transaction.key] === transaction { clientTransactions[transaction.key] = nil }
    }
}
