// SPDX-License-Identifier: Apache-2.0
import Dialplan
import Foundation
import Media
import NIOCore
import SDP
import SIP
import SIPStack
import SIPTransport

/// One call: the caller's leg (Switchboard is its UAS), the attempts to reach the callee (each a
/// UAC leg with its own dialog), and the media relay between them. Owned by one event loop
/// (ARCHITECTURE.md, Threading): every property is touched only there.
final class Call {
    enum State: String {
        case routing, ringing, answered, ending, ended
    }

    let id: String
    let environment: CallEnvironment
    let callerInvite: ServerTransaction
    var callerDialog: Dialog
    let caller: String
    let callee: String
    let startedAt = Date()
    var answeredAt: Date?
    var state: State = .routing
    var branches: [CalleeBranch] = []
    var winner: CalleeBranch?
    var media: (any CallMedia)?
    var callerOrigin: LegOrigin
    var calleeOrigin: LegOrigin
    /// The caller's SDP offer from the INVITE (nil: late offer, RFC 3261 §13.2.1).
    var callerOffer: SessionDescription?
    /// Bumped to stop the ring timer. Call timers are never cancelled in NIO (its scheduled-task
    /// heap cancels by linear search); a stale timer finds its generation changed and does nothing.
    var ringGeneration = 0
    /// True while the 200 to the caller is retransmitted, waiting for the ACK.
    var awaitingAck = false
    /// A re-INVITE or UPDATE relayed from one side and waiting for the other (a re-INVITE until
    /// its originator's ACK, RFC 3261 §14).
    var pendingRelay: PendingRelay?
    /// The last ACK sent for the 2xx of a relayed re-INVITE, sent again for each retransmitted 2xx.
    var relayedAck: SIPRequest?
    var dialogKeys: [DialogKey] = []
    /// The dial step being carried out, for its busy / no-answer / unavailable fallbacks.
    var currentDial: DialStep?
    /// Set when the call was forwarded (181, Diversion, History-Info).
    var diversion: Diversion?
    /// Fallbacks taken so far, bounded against forwarding loops.
    var hops = 0
    /// The caller's name as presented to the callee.
    var callerDisplayName: String?
    /// The side that put the call on hold, while it is held.
    var heldBy: CallSide?
    /// The G.711 codec the callee answered with, for music on hold (PCMU unless PCMA was chosen).
    var negotiatedCodec: AudioCodec = .pcmu
    /// Max-Forwards for the callee's INVITE: the caller's minus one (loop protection).
    let maxForwards: Int
    var finalStatus: Int?
    var hangupSide: CallSide?
    /// How far Switchboard itself answered the caller (`answer`, `play`, `music` steps).
    var callerLeg: CallerLegState = .unanswered
    /// Steps to run once the caller acknowledges Switchboard's own 200 (the `answer` step).
    var stepsAfterAck: [RoutedStep]?
    /// Bumped whenever a step's audio is replaced or the call ends, so a stale prompt timer
    /// does nothing.
    var promptGeneration = 0
    /// The music class a held party hears: the dialplan's last `music` step, else the server's.
    var holdMusicClass: String?
    /// The plan and call the steps came from, to route `.number` targets again.
    var routing: CallRouting?
    /// The members still to ring in a sequential group, and when the whole dial gives up.
    var sequentialRing: SequentialRing?
    /// The caller number a `set` step chose, presented on calls through trunks.
    var dialplanCallerNumber: String?
    /// The dial through trunks in progress, if any.
    var trunkDial: TrunkDial?
    /// The slot on the trunk the call came from (`max_calls` counts both directions).
    var inboundTrunkSlot: TrunkSlot?
    /// The call's stay in a queue (`queue` step), if it joined one.
    var queueSession: QueueSession?
    /// Extensions this call counts as on a call (``ExtensionActivity``): the caller, the callee who answered.
    var extensionsOnCall: [String] = []
    /// The extension whose phone answered.
    var answeredBy: String?

    init(id: String, environment: CallEnvironment, invite: ServerTransaction, caller: String, callee: String) {
        self.id = id
        self.environment = environment
        callerInvite = invite
        callerDialog = Dialog(uasFor: invite.request, localTag: invite.localTag, flow: invite.flow)
        self.caller = caller
        self.callee = callee
        maxForwards = max(0, min(70, (invite.request.maxForwards ?? 70) - 1))
        callerDisplayName = invite.request.from?.displayName
        let sessionID = String(UInt64.random(in: 1...UInt64(Int64.max)))
        let address = environment.mediaAddress
        let addressType = address.contains(":") ? "IP6" : "IP4"
        callerOrigin = LegOrigin(origin: Origin(username: "switchboard", sessionID: sessionID, sessionVersion: 1, networkType: "IN", addressType: addressType, address: address))
        calleeOrigin = LegOrigin(origin: Origin(username: "switchboard", sessionID: sessionID + "1", sessionVersion: 1, networkType: "IN", addressType: addressType, address: address))
    }

    var shard: SIPStackShard { environment.shard }

    /// Ends the call once: stops timers, frees media, forgets the dialogs, writes the CDR.
    func finish(status: Int, hangupSide: CallSide?) {
        guard state != .ended else { return }
        state = .ended
        finalStatus = finalStatus ?? status
        self.hangupSide = self.hangupSide ?? hangupSide
        ringGeneration += 1
        promptGeneration += 1
        awaitingAck = false
        media?.release()
        media = nil
        // Free the extensions before telling a queue, so that it sees its member free.
        for number in extensionsOnCall { environment.activity.end(number) }
        extensionsOnCall = []
        queueCallEnded()
        releaseTrunkSlots()
        environment.registry.remove(self)
        environment.recorder.record(self)
        environment.logger.info(
            "call ended",
            metadata: ["call": "\(id)", "caller": "\(caller)", "callee": "\(callee)", "status": "\(finalStatus ?? status)",
                       "hangup": "\(self.hangupSide?.rawValue ?? "none")"])
    }

    /// Sends a request within the dialog of `side` and calls `completion` with the final answer.
    func sendInDialog(_ method: SIPMethod, to side: CallSide, body: ByteBuffer = ByteBuffer(), contentType: String? = nil,
                      completion: @escaping (ClientTransactionEvent) -> Void = { _ in })
    {
        switch side {
        case .caller:
            let request = callerDialog.makeRequest(method, contact: shard.contact(for: callerDialog.flow), body: body, contentType: contentType)
            shard.sendRequest(request, over: callerDialog.flow, handler: completion)
        case .callee:
            guard let winner else { return }
            let request = winner.dialog.makeRequest(method, contact: shard.contact(for: winner.dialog.flow), body: body, contentType: contentType)
            shard.sendRequest(request, over: winner.dialog.flow, handler: completion)
        }
    }
}

/// An offer/answer exchange relayed from one side, in progress until the other side's final
/// answer and, for a re-INVITE, the originator's ACK.
struct PendingRelay {
    var from: CallSide
    var transaction: ServerTransaction
    /// A re-INVITE without SDP: the other phone's 2xx carries the offer, the originator's ACK
    /// the answer (RFC 3261 §14.1, §13.2.1).
    var offerless = false
    /// The CSeq of the re-INVITE sent to the other phone, once its 2xx has arrived.
    var answeredCSeq: UInt32?
    /// Whether that 2xx has been ACKed already (always, unless it carried an offer).
    var calleeAcknowledged = false
}
