// SPDX-License-Identifier: Apache-2.0

/// A session description (RFC 4566): the session-level lines and the media descriptions.
///
/// Every line is kept: known lines as typed values, attributes and unknown lines verbatim, so a description
/// that is parsed and written again relays what the peer sent. Parse with `init(parsing:)` (String or ByteBuffer),
/// write with ``serialized()``.
public struct SessionDescription: Hashable, Sendable, SDPAttributeContainer {
    /// The `v=` line; always 0 (RFC 4566 §5.1).
    public var version: Int
    /// The `o=` line.
    public var origin: Origin
    /// The `s=` line; "-" when there is nothing to say (RFC 3264 §5).
    public var sessionName: String
    /// The `i=` line.
    public var information: String?
    /// The `u=` line.
    public var uri: String?
    /// The `e=` lines.
    public var emails: [String]
    /// The `p=` lines.
    public var phones: [String]
    /// The session-level `c=` line, the default for media that have none.
    public var connection: ConnectionData?
    /// The session-level `b=` lines.
    public var bandwidths: [Bandwidth]
    /// The `t=` lines, each with its `r=` lines.
    public var timings: [Timing]
    /// The `z=` line, verbatim.
    public var timeZones: String?
    /// The session-level `k=` line.
    public var encryptionKey: String?
    /// The session-level `a=` lines, in order.
    public var attributes: [SDPAttribute]
    /// Session-level lines of unknown type, written after `k=` and before the attributes.
    public var otherLines: [SDPLine]
    /// The media descriptions, in order.
    public var media: [MediaDescription]

    /// Creates a description; the defaults give the minimal SIP session of RFC 3264 §5.
    public init(
        origin: Origin,
        sessionName: String = "-",
        information: String? = nil,
        uri: String? = nil,
        emails: [String] = [],
        phones: [String] = [],
        connection: ConnectionData? = nil,
        bandwidths: [Bandwidth] = [],
        timings: [Timing] = [Timing()],
        timeZones: String? = nil,
        encryptionKey: String? = nil,
        attributes: [SDPAttribute] = [],
        otherLines: [SDPLine] = [],
        media: [MediaDescription] = []
    ) {
        self.version = 0
        self.origin = origin
        self.sessionName = sessionName
        self.information = information
        self.uri = uri
        self.emails = emails
        self.phones = phones
        self.connection = connection
        self.bandwidths = bandwidths
        self.timings = timings
        self.timeZones = timeZones
        self.encryptionKey = encryptionKey
        self.attributes = attributes
        self.otherLines = otherLines
        self.media = media
    }
}
