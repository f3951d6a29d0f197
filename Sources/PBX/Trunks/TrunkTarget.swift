// SPDX-License-Identifier: Apache-2.0
import NIOCore
import SIPTransport

/// One place a trunk's requests can be sent: a transport and an address.
struct TrunkTarget: Sendable, Hashable {
    /// The transport to use.
    var transport: SIPTransportKind
    /// The provider's (or outbound proxy's) address.
    var address: SocketAddress
}
