// SPDX-License-Identifier: Apache-2.0
import Dialplan
import NIOCore

/// What calls through trunks share across event loops: the per-trunk call counts, the address
/// resolver, the trunks' passwords, and the addresses inbound calls from trunks are recognised by.
final class TrunkCallServices: Sendable {
    let usage = TrunkUsage()
    let sources = InboundTrunkMatcher()
    let passwords = TrunkPasswords()
    let resolver: any TrunkAddressResolving

    init(resolver: any TrunkAddressResolving) {
        self.resolver = resolver
    }

    /// Resolves the host and outbound proxy of every trunk of `plan` again, for recognising
    /// their requests; run at start, after a reload, and periodically for DNS changes.
    func refreshSources(of plan: Dialplan, on loop: any EventLoop) -> EventLoopFuture<Void> {
        let specs = plan.trunks.values.sorted { $0.name < $1.name }.map { trunk in
            TrunkSourceSpec(
                name: trunk.name, endpoints: TrunkCallRoute.sourceEndpoints(of: trunk),
                allow: trunk.allow.compactMap(AddressRange.init))
        }
        return sources.refresh(specs, resolver: resolver, on: loop)
    }
}
