// SPDX-License-Identifier: Apache-2.0
import Dialplan
import Foundation
import SIP
import SIPStack

extension CallController {
    /// An INVITE from the address of `candidates` (trunks sharing a provider's addresses): no
    /// digest challenge (the provider authenticates its side, Switchboard knows it by address).
    /// The call belongs to the trunk whose DID it is for (none: 404), is taken within that
    /// trunk's `max_calls` (else 503), and starts in the trunk's context.
    func handleTrunkInvite(
        _ request: SIPRequest, fromOneOf candidates: [TrunkDefinition], transaction: ServerTransaction,
        on shard: SIPStackShard
    ) {
        let owner = candidates.lazy.compactMap { trunk in
            InboundTrunkNumbers.did(of: request, trunk: trunk).map { (trunk: trunk, did: $0) }
        }.first
        guard let (trunk, did) = owner else {
            logger.notice(
                "call from a trunk to a number that is not its DID",
                metadata: ["trunks": "\(candidates.map(\.name))", "uri": "\(request.uri)"])
            return transaction.respond(status: 404)
        }
        guard let slot = TrunkSlot(trunk: trunk.name, limit: trunk.maxCalls, usage: trunks.usage) else {
            logger.notice("trunk full, call refused", metadata: ["trunk": "\(trunk.name)", "did": "\(did)"])
            return transaction.respond(status: 503, reason: "Service Unavailable (trunk at its call limit)")
        }
        authenticator.directory.snapshot(on: shard.eventLoop).whenComplete { [self] result in
            switch result {
            case .success(let snapshot):
                let context = CallContext(
                    from: InboundTrunkNumbers.caller(of: request), callerName: request.from?.displayName ?? "", to: did,
                    at: Date(),
                    origin: .trunk(trunk.name), extensions: DirectoryCatalog(extensions: snapshot.extensions))
                start(request, context: context, inboundTrunkSlot: slot, transaction: transaction, on: shard)
            case .failure(let error):
                slot.release()
                logger.error("could not read extensions", metadata: ["error": "\(error)"])
                transaction.respond(status: 500, headers: [(.retryAfter, "5")])
            }
        }
    }
}
