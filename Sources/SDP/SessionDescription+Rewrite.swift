// SPDX-License-Identifier: Apache-2.0

extension SessionDescription {
    /// A copy that sends media to `connection` and `mediaPorts` instead, as a media relay needs.
    ///
    /// - The session-level `c=` is replaced (added when a medium has no `c=` of its own), and every
    ///   media-level `c=` is replaced.
    /// - Each `m=` port becomes the matching entry of `mediaPorts` (one per `m=` line, in order), except that a
    ///   rejected stream keeps port 0 (RFC 3264 §8.2). A "/<count>" suffix is dropped: the relay gives one port.
    /// - An `a=rtcp` line is rewritten to the new port + 1 and, if it named an address, to `connection`.
    /// - A stream held the RFC 2543 way (`c=0.0.0.0`) would lose its hold once the address is replaced, so its
    ///   direction drops the receiving part instead: sendrecv becomes sendonly, recvonly becomes inactive
    ///   (RFC 3264 §8.4 asks for direction attributes rather than 0.0.0.0).
    /// - The origin is left as it is: see ``LegOrigin`` for the versioning a B2BUA leg needs.
    public func rewritingTransport(
        to connection: ConnectionData,
        mediaPorts: [UInt16]
    ) throws(SDPRewriteError) -> SessionDescription {
        guard mediaPorts.count == media.count else {
            throw .portCountMismatch(mediaCount: media.count, portCount: mediaPorts.count)
        }
        var copy = self
        for index in copy.media.indices {
            if effectiveConnection(of: media[index])?.isLegacyHoldAddress == true {
                copy.media[index].direction = effectiveDirection(of: media[index]).withoutReceiving
            }
            try copy.media[index].rewriteTransport(to: connection, port: mediaPorts[index])
        }
        if self.connection != nil || copy.media.contains(where: \.connections.isEmpty) {
            copy.connection = connection
        }
        return copy
    }
}

extension MediaDescription {
    fileprivate mutating func rewriteTransport(
        to connection: ConnectionData,
        port newPort: UInt16
    ) throws(SDPRewriteError) {
        connections = connections.map { _ in connection }
        guard !isRejected else { return }
        port = newPort
        portCount = nil
        guard let index = attributes.firstIndex(where: { $0.name == "rtcp" }) else { return }
        // RFC 3605: the relay's RTCP port is the one after its RTP port.
        guard newPort < .max else { throw .noPortForRTCP(rtpPort: newPort) }
        let old = attributes[index].value.flatMap(RTCPAttribute.init(attributeValue:))
        let rewritten = RTCPAttribute(port: newPort + 1, connection: old?.connection == nil ? nil : connection)
        attributes[index].value = rewritten.attributeValue
    }
}
