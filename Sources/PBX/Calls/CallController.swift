// SPDX-License-Identifier: Apache-2.0
import Dialplan
import Foundation
import Logging
import Media
import NIOCore
import SDP
import SIP
import SIPStack
import SIPTransport

/// The B2BUA call controller: takes INVITEs from extensions, routes them through the dialplan,
/// and joins the caller's leg to the callee's legs. Each call lives on the shard (event loop)
/// that received its INVITE; the registries are per shard and touched only there.
final class CallController: @unchecked Sendable {
    let authenticator: Authenticator
    let dialplan: DialplanHolder
    let location: LocationService
    let media: (any CallMediaAllocator)?
    let music: MusicLibrary
    let holdMusic: String
    let recorder: CallRecorder
    let queues: QueueService
    let activity: ExtensionActivity
    let domain: String
    let mediaAddress: String
    let logger: Logger
    let ringTimeout: TimeInterval = 60
    /// One registry per shard index; each touched only on its shard's loop.
    let registries: [CallRegistry]
    /// Trunk call counts, address resolution and recognition of requests from trunks.
    let trunks: TrunkCallServices

    init(
        shardCount: Int, authenticator: Authenticator, dialplan: DialplanHolder, location: LocationService,
        media: (any CallMediaAllocator)?, music: MusicLibrary, holdMusic: String, recorder: CallRecorder,
        queues: QueueService, activity: ExtensionActivity, domain: String, mediaAddress: String, trunks: TrunkCallServices,
        logger: Logger
    ) {
        registries = (0..<shardCount).map { _ in CallRegistry() }
        self.authenticator = authenticator
        self.dialplan = dialplan
        self.location = location
        self.media = media
        self.music = music
        self.holdMusic = holdMusic
        self.recorder = recorder
        self.queues = queues
        self.activity = activity
        self.domain = domain
        self.mediaAddress = mediaAddress
        self.trunks = trunks
        self.logger = logger
    }

    /// A new INVITE (no To tag): a trunk's by its source address, else authenticate; route, ring.
    func handleInvite(_ request: SIPRequest, transaction: ServerTransaction, on shard: SIPStackShard) {
        let fromTrunks = trunks.sources.trunks(for: transaction.flow).compactMap { dialplan.plan.trunks[$0] }
        if !fromTrunks.isEmpty {
            return handleTrunkInvite(request, fromOneOf: fromTrunks, transaction: transaction, on: shard)
        }
        authenticator.authenticate(request, transaction: transaction, on: shard) { [self] record, extensions in
            let callee = request.uri.sipURI?.decodedUser ?? ""
            let context = CallContext(
                from: record.number, callerName: request.from?.displayName ?? "", to: callee, at: Date(), origin: .extension,
                extensions: DirectoryCatalog(extensions: extensions))
            start(request, context: context, transaction: transaction, on: shard)
        }
    }

    /// Creates the call for an accepted INVITE, routes `context` through the dialplan and runs
    /// the steps. `inboundTrunkSlot` is the slot of the trunk the call came from, if any.
    func start(
        _ request: SIPRequest, context: CallContext, inboundTrunkSlot: TrunkSlot? = nil, transaction: ServerTransaction,
        on shard: SIPStackShard
    ) {
        // Cancelled while its credentials were being checked.
        guard transaction.finalStatus == nil else { return }
        let offer: SessionDescription?
        do {
            offer = try Call.sessionDescription(of: request.body, contentType: request.contentType)
        } catch {
            transaction.respond(status: 488, reason: "Not Acceptable Here (unreadable SDP: \(error))")
            return
        }
        let registry = registries[shard.index]
        let plan = dialplan.plan
        let environment = CallEnvironment(
            shard: shard, registry: registry, location: location, media: media, music: music, holdMusic: holdMusic,
            mediaAddress: mediaAddress, domain: domain,
            recorder: recorder, queues: queues, activity: activity, logger: logger, defaultRingTimeout: ringTimeout,
            trunks: trunks, trunkDefinitions: plan.trunks)
        let call = Call(id: SIPIdentifiers.tag(), environment: environment, invite: transaction, caller: context.from, callee: context.to)
        call.callerOffer = offer
        call.inboundTrunkSlot = inboundTrunkSlot
        registry.add(call)
        // An extension placing a call is on a call (queues leave it alone).
        if context.origin == .extension { call.markOnCall(context.from) }
        registry.register(DialogKey(callID: call.callerDialog.callID, localTag: call.callerDialog.localTag), call: call, side: .caller)
        let route = plan.route(call: context)
        call.routing = CallRouting(plan: plan, context: context, startContext: route.startContext)
        logger.info("call", metadata: ["call": "\(call.id)", "caller": "\(context.from)", "callee": "\(context.to)", "route": "\(route.stepLines.joined(separator: "; "))"])
        guard let media else {
            call.run(route.steps)
            return
        }
        media.allocate(on: shard.eventLoop).whenComplete { result in
            switch result {
            case .success(let session):
                call.media = session
                call.run(route.steps)
            case .failure(let error):
                self.logger.error("no media ports", metadata: ["error": "\(error)"])
                call.rejectCaller(status: 503, reason: "Service Unavailable (no media ports)", hangupSide: nil)
            }
        }
    }

    /// A request with a To tag: find its call by dialog, or answer 481 (RFC 3261 §12.2.2).
    func handleInDialog(_ request: SIPRequest, transaction: ServerTransaction, on shard: SIPStackShard) {
        guard let callID = request.callID, let tag = request.to?.tag,
            let (call, side) = registries[shard.index].leg(for: DialogKey(callID: callID, localTag: tag))
        else {
            transaction.respond(status: 481, reason: "Call/Transaction Does Not Exist")
            return
        }
        if side == .caller, let sequence = request.cseq?.sequence, !call.callerDialog.acceptRemoteCSeq(sequence, method: request.method) {
            transaction.respond(status: 500, reason: "Server Internal Error (CSeq out of order)")
            return
        }
        switch request.method {
        case .bye: call.receivedBye(from: side, transaction: transaction)
        default: call.relayRequest(request, from: side, transaction: transaction)
        }
    }

    /// An ACK outside any transaction: a phone's ACK for a 200 (the caller's first, or a re-INVITE's).
    func handleAck(_ ack: SIPRequest, on shard: SIPStackShard) {
        guard let callID = ack.callID, let tag = ack.to?.tag,
            let (call, side) = registries[shard.index].leg(for: DialogKey(callID: callID, localTag: tag))
        else { return }
        call.receivedAck(ack, from: side)
    }

    /// CANCEL for a ringing call.
    func handleCancel(for invite: ServerTransaction, on shard: SIPStackShard) {
        guard let callID = invite.request.callID,
            let (call, _) = registries[shard.index].leg(for: DialogKey(callID: callID, localTag: invite.localTag))
        else {
            invite.respond(status: 487)
            return
        }
        call.callerCancelled()
    }

    /// A 2xx retransmission for a callee leg whose INVITE transaction is over: ACK it again.
    func handleStray(_ response: SIPResponse, on shard: SIPStackShard) {
        guard (200..<300).contains(response.statusCode), response.cseq?.method == .invite,
            let callID = response.callID, let tag = response.from?.tag,
            let (call, side) = registries[shard.index].leg(for: DialogKey(callID: callID, localTag: tag)), side == .callee,
            let branch = call.branches.first(where: { $0.dialog.callID == callID })
        else { return }
        if branch.isAcknowledged { call.resendAck(of: branch) }
    }
}
