// SPDX-License-Identifier: Apache-2.0

/// An `m=` line and the lines that belong to it (RFC 4566 §5.14).
public struct MediaDescription: Hashable, Sendable, SDPAttributeContainer {
    /// Media type: "audio", "video", "text", "application", "message", or another token.
    public var media: String
    /// Transport port; 0 marks a rejected or disabled stream (RFC 3264 §6, §8.2).
    public var port: UInt16
    /// The "/<number of ports>" suffix, if present.
    public var portCount: UInt16?
    /// Transport protocol, such as "RTP/AVP" or "RTP/SAVP".
    public var transportProtocol: String
    /// Media formats; RTP payload type numbers for RTP protocols.
    public var formats: [String]
    /// The `i=` line.
    public var title: String?
    /// The `c=` lines; empty when the session-level connection applies.
    public var connections: [ConnectionData]
    /// The `b=` lines.
    public var bandwidths: [Bandwidth]
    /// The `k=` line.
    public var encryptionKey: String?
    /// The `a=` lines, in order.
    public var attributes: [SDPAttribute]
    /// Lines of unknown type, written after `k=` and before the attributes.
    public var otherLines: [SDPLine]

    /// Creates a media description.
    public init(
        media: String,
        port: UInt16,
        portCount: UInt16? = nil,
        transportProtocol: String = "RTP/AVP",
        formats: [String],
        title: String? = nil,
        connections: [ConnectionData] = [],
        bandwidths: [Bandwidth] = [],
        encryptionKey: String? = nil,
        attributes: [SDPAttribute] = [],
        otherLines: [SDPLine] = []
    ) {
        self.media = media
        self.port = port
        self.portCount = portCount
        self.transportProtocol = transportProtocol
        self.formats = formats
        self.title = title
        self.connections = connections
        self.bandwidths = bandwidths
        self.encryptionKey = encryptionKey
        self.attributes = attributes
        self.otherLines = otherLines
    }

    /// True when the port is 0: the stream is rejected or disabled (RFC 3264 §8.2).
    public var isRejected: Bool { port == 0 }
}

extension MediaDescription {
    /// The syntax named in parse errors.
    static let syntax = "<media> <port>[/<number of ports>] <proto> <fmt> ..."

    /// Parses the value of an `m=` line; the other fields start empty.
    init?(sdpValue: Substring) {
        let fields = sdpValue.sdpFields
        guard fields.count >= 3 else { return nil }
        let portParts = fields[1].split(separator: "/", omittingEmptySubsequences: false)
        guard portParts.count <= 2, let port = UInt16(portParts[0]) else { return nil }
        var portCount: UInt16?
        if portParts.count == 2 {
            guard let count = UInt16(portParts[1]) else { return nil }
            portCount = count
        }
        self.init(
            media: String(fields[0]),
            port: port,
            portCount: portCount,
            transportProtocol: String(fields[2]),
            formats: fields.dropFirst(3).map(String.init)
        )
    }

    /// The value of the `m=` line.
    var sdpValue: String {
        let portText = portCount.map { "\(port)/\($0)" } ?? "\(port)"
        return ([media, portText, transportProtocol] + formats).joined(separator: " ")
    }
}
