// SPDX-License-Identifier: Apache-2.0
import SIP
import SIPTransport

/// Call-ID, From tag and CSeq number: what an ACK shares with the INVITE it acknowledges.
struct AckMatchKey: Hashable {
    var callID: String
    var fromTag: String
    var sequence: UInt32

    init?(_ request: SIPRequest) {
        guard let callID = request.callID, let fromTag = request.from?.tag, let cseq = request.cseq else { return nil }
        self.callID = callID
        self.fromTag = fromTag
        sequence = cseq.sequence
    }
}

/// From tag, Call-ID and CSeq of a request without a To tag (RFC 3261 §8.2.2.2).
struct MergedRequestKey: Hashable {
    var fromTag: String
    var callID: String
    var cseq: String

    init?(_ request: SIPRequest) {
        guard request.to?.tag == nil, let fromTag = request.from?.tag, let callID = request.callID, let cseq = request.cseq
        else { return nil }
        self.fromTag = fromTag
        self.callID = callID
        self.cseq = cseq.description
    }
}

extension SIPStackShard {
    /// A parsed request, on this shard's loop (RFC 3261 §17.2.3 matching).
    func handle(_ request: SIPRequest, over flow: SIPFlow) {
        guard let key = Self.serverKey(for: request) else { return }
        switch request.method {
        case .ack:
            if let invite = serverTransactions[key] ?? inviteAwaitingAck(for: request) {
                invite.receivedAck(request)
            } else {
                delegate?.stack(self, didReceiveAck: request, over: flow)
            }
        case .cancel:
            handleCancel(request, key: key, over: flow)
        default:
            if let existing = serverTransactions[key] {
                existing.receivedRetransmission()
                return
            }
            guard !resendCompletedResponse(for: key) else { return }
            startServerTransaction(request, key: key, over: flow)
        }
    }

    /// A parsed response, on this shard's loop (RFC 3261 §17.1.3 matching).
    func handle(_ response: SIPResponse, over flow: SIPFlow) {
        guard let via = response.topVia, let branch = via.branch, let method = response.cseq?.method.name,
            let key = TransactionKey.rfc3261(role: .client, branch: branch, sentByHost: "", sentByPort: nil, method: method),
            let transaction = clientTransactions[key]
        else {
            delegate?.stack(self, didReceiveStray: response, over: flow)
            return
        }
        transaction.receivedResponse(response)
    }

    private func startServerTransaction(_ request: SIPRequest, key: TransactionKey, over flow: SIPFlow) {
        let transaction = ServerTransaction(request: request, flow: flow, key: key, shard: self)
        if let merged = MergedRequestKey(request) {
            if let other = requestsWithoutToTag[merged], other != key {
                // RFC 3261 §8.2.2.2: the same request by another path (a fork looping back).
                serverTransactions[key] = transaction
                transaction.begin(deliver: false)
                transaction.respond(status: 482, reason: "Loop Detected")
                return
            }
            requestsWithoutToTag[merged] = key
        }
        serverTransactions[key] = transaction
        transaction.begin()
    }

    /// RFC 3261 §9.2: answer the CANCEL in its own transaction, then let the TU end the INVITE.
    private func handleCancel(_ cancel: SIPRequest, key: TransactionKey, over flow: SIPFlow) {
        if let existing = serverTransactions[key] {
            existing.receivedRetransmission()
            return
        }
        guard !resendCompletedResponse(for: key) else { return }
        let transaction = ServerTransaction(request: cancel, flow: flow, key: key, shard: self)
        serverTransactions[key] = transaction
        transaction.begin(deliver: false)
        guard let inviteKey = Self.serverKey(for: cancel, method: "INVITE"), let invite = serverTransactions[inviteKey] else {
            transaction.respond(status: 481, reason: "Call/Transaction Does Not Exist")
            return
        }
        transaction.respond(status: 200)
        if invite.finalStatus == nil { delegate?.stack(self, didReceiveCancel: cancel, for: invite) }
    }

    /// An INVITE transaction that answered 300-699 and waits for its ACK, found by Call-ID, From
    /// tag and CSeq for user agents that (against RFC 3261 §17.1.1.3) send that ACK with a new branch.
    private func inviteAwaitingAck(for ack: SIPRequest) -> ServerTransaction? {
        guard let key = AckMatchKey(ack), let transactionKey = invitesAwaitingAck[key] else { return nil }
        return serverTransactions[transactionKey]
    }

    /// The server transaction key of a request (or of the INVITE a CANCEL names).
    static func serverKey(for request: SIPRequest, method: String? = nil) -> TransactionKey? {
        guard let via = request.topVia, let cseq = request.cseq, let callID = request.callID else { return nil }
        let filedMethod = method ?? request.method.name
        if let branch = via.branch,
            let key = TransactionKey.rfc3261(role: .server, branch: branch, sentByHost: via.host, sentByPort: via.port, method: filedMethod)
        {
            return key
        }
        let fields = RFC2543TransactionFields(
            requestURI: request.uri.description, toTag: request.to?.tag, fromTag: request.from?.tag, callID: callID,
            cseqNumber: cseq.sequence, topVia: via.description)
        return TransactionKey.rfc2543(role: .server, method: filedMethod, fields: fields)
    }
}
