// SPDX-License-Identifier: Apache-2.0
import SIPTransport

/// A trunk's host or outbound proxy as configured: a DNS name or IP literal, with the port and
/// transport when given (without them RFC 3263 picks).
struct TrunkEndpoint: Sendable, Hashable {
    var host: String
    var port: Int?
    var transport: SIPTransportKind?
}
