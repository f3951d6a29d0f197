// SPDX-License-Identifier: Apache-2.0
import SDP
import SIP
import SIPStack

/// One attempt to reach the callee: an INVITE to one registered contact or one trunk, with its own dialog
/// (a new Call-ID and tags: the callee never sees the caller's dialog).
final class CalleeBranch {
    enum State: Equatable {
        case calling, ringing, answered
        case failed(Int)
        case cancelled
    }

    /// The registered contact rung; nil for a call through a trunk.
    let binding: Binding?
    var dialog: Dialog
    var transaction: ClientTransaction?
    var state: State = .calling
    /// The CSeq of the INVITE in progress (higher after a challenge was answered).
    var inviteCSeq: UInt32
    /// The ACK for the 2xx, kept to answer its retransmissions.
    var lastAck: SIPRequest?

    var isAcknowledged: Bool { lastAck != nil }

    init(binding: Binding?, dialog: Dialog, inviteCSeq: UInt32) {
        self.binding = binding
        self.dialog = dialog
        self.inviteCSeq = inviteCSeq
    }

    /// Still waiting for a final answer.
    var isPending: Bool { state == .calling || state == .ringing }
}
