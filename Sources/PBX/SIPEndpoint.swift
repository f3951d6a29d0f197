// SPDX-License-Identifier: Apache-2.0
import Logging
import NIOConcurrencyHelpers
import NIOCore
import SIPTransport

/// The SIP core of the server: receives every message from the transport layer, parses it,
/// and hands it to the transaction layer and the services above it.
final class SIPEndpoint: SIPTransportDelegate {
    let configuration: ServerConfiguration
    let logger: Logger
    private let transportBox = NIOLockedValueBox<SIPTransportLayer?>(nil)

    init(configuration: ServerConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    func attach(transport: SIPTransportLayer) {
        transportBox.withLockedValue { $0 = transport }
    }

    func transportDidReceive(_ message: SIPInboundMessage) {
        logger.trace("received", metadata: ["flow": "\(message.flow)", "bytes": "\(message.bytes.readableBytes)"])
    }

    func transportFlowDidClose(_ flow: SIPFlow) {
        logger.debug("flow closed", metadata: ["flow": "\(flow)"])
    }
}
