// SPDX-License-Identifier: Apache-2.0
import SIP
import SIPTransport

/// The transaction user (RFC 3261 §17): what the stack hands up, always on the owner loop of
/// the transaction or call.
public protocol SIPStackDelegate: AnyObject, Sendable {
    /// A new request other than ACK and CANCEL; answer it through `transaction`.
    func stack(_ shard: SIPStackShard, didReceive request: SIPRequest, transaction: ServerTransaction)

    /// A CANCEL matched an INVITE transaction (RFC 3261 §9.2). The stack has answered the CANCEL
    /// with 200; the TU should end the INVITE with 487 unless it already answered it.
    func stack(_ shard: SIPStackShard, didReceiveCancel cancel: SIPRequest, for invite: ServerTransaction)

    /// An ACK that no transaction absorbed: the ACK for a 2xx, which belongs to the dialog (§13.3.1.4).
    func stack(_ shard: SIPStackShard, didReceiveAck ack: SIPRequest, over flow: SIPFlow)

    /// A response that matches no client transaction (e.g. a 2xx retransmission, RFC 3261 §13.2.2.4).
    func stack(_ shard: SIPStackShard, didReceiveStray response: SIPResponse, over flow: SIPFlow)

    /// A stream connection closed (RFC 5626 flows).
    func stack(_ stack: SIPStack, flowDidClose flow: SIPFlow)
}
