// SPDX-License-Identifier: Apache-2.0

/// An `a=rtcp` value: the RTCP port, and optionally address, when it is not RTP port + 1 (RFC 3605).
public struct RTCPAttribute: Hashable, Sendable {
    /// The RTCP port.
    public var port: UInt16
    /// The RTCP address, when it differs from the media's connection address.
    public var connection: ConnectionData?

    /// Creates the attribute.
    public init(port: UInt16, connection: ConnectionData? = nil) {
        self.port = port
        self.connection = connection
    }

    /// Parses `<port> [<nettype> <addrtype> <connection-address>]`; nil when malformed.
    public init?(attributeValue: String) {
        let fields = Substring(attributeValue).sdpFields
        guard fields.count == 1 || fields.count == 4, let port = UInt16(fields[0]) else { return nil }
        self.port = port
        self.connection =
            fields.count == 4 ? ConnectionData(sdpValue: Substring(fields[1...].joined(separator: " "))) : nil
    }

    /// The `a=rtcp` value.
    public var attributeValue: String {
        connection.map { "\(port) \($0.sdpValue)" } ?? String(port)
    }
}
