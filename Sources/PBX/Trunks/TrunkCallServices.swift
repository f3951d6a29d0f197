// SPDX-License-Identifier: Apache-2.0
import Dialplan
import NIOCore

/// What calls through trunks share across event loops: the trunks' call counts, passwords and
/// address resolution (from the trunk service), and the addresses inbound calls from trunks
/// are recognised by.
final class TrunkCallServices: Sendable {
    let service: TrunkService
    let sources = InboundTrunkMatcher()

    init(service: TrunkService) {
        self.service = service
    }

    /// Calls in progress per trunk.
    var usage: TrunkUsage { service.usage }
    /// Where trunk hosts and proxies are.
    var resolver: any TrunkAddressResolving { service.resolver }

    /// Resolves the host and outbound proxy of every trunk of `plan` again, for recognising
    /// their requests; run at start, after a reload, and periodically for DNS changes.
    func refreshSources(of plan: Dialplan, on loop: any EventLoop) -> EventLoopFuture<Void> {
        let specs = plan.trunks.values.sorted { $0.name < $1.name }.map { trunk in
            TrunkSourceSpec(
                name: trunk.name, endpoints: TrunkCallRoute.sourceDestinations(of: trunk),
                allow: trunk.allow.compactMap(AddressRange.init))
        }
        return sources.refresh(specs, resolver: resolver, on: loop)
    }
}
