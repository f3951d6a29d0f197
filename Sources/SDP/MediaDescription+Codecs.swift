// SPDX-License-Identifier: Apache-2.0

extension MediaDescription {
    /// The well-formed `a=rtpmap` lines, in order.
    public var rtpMaps: [RTPMap] {
        attributeValues(named: "rtpmap").compactMap(RTPMap.init(attributeValue:))
    }

    /// The encoding of `payloadType`: its `a=rtpmap`, else its RFC 3551 static assignment.
    public func rtpMap(forPayloadType payloadType: UInt8) -> RTPMap? {
        rtpMaps.first { $0.payloadType == payloadType } ?? RTPMap.staticAudio(payloadType: payloadType)
    }

    /// The `a=fmtp` parameters of `payloadType` (the text after the payload type), if any.
    public func formatParameters(forPayloadType payloadType: UInt8) -> String? {
        let prefix = "\(payloadType) "
        return attributeValues(named: "fmtp").first { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }

    /// The RTP payload types listed on the `m=` line; non-numeric formats are skipped.
    public var payloadTypes: [UInt8] {
        formats.compactMap { UInt8($0) }
    }

    /// The `a=ptime` packet time in milliseconds (RFC 4566 §6), if present and numeric.
    public var packetTime: Int? {
        attribute(named: "ptime")?.value.flatMap { Int($0) }
    }

    /// The offered payload types that carry RFC 4733 telephone events (DTMF).
    public var telephoneEventPayloadTypes: [UInt8] {
        let offered = Set(payloadTypes)
        return rtpMaps.filter { $0.isTelephoneEvent && offered.contains($0.payloadType) }.map(\.payloadType)
    }

    /// The `a=rtcp` attribute (RFC 3605), if present and well formed.
    public var rtcp: RTCPAttribute? {
        attribute(named: "rtcp")?.value.flatMap(RTCPAttribute.init(attributeValue:))
    }

    /// The port RTCP uses: `a=rtcp` if present, else RTP port + 1 (RFC 3605 §1); nil for a rejected stream.
    public var rtcpPort: UInt16? {
        guard !isRejected else { return nil }
        if let rtcp { return rtcp.port }
        return port == .max ? nil : port + 1
    }
}
