// SPDX-License-Identifier: Apache-2.0
import Media
import NIOCore
import SDP
import SIP

extension Call {
    /// The SDP of a message, or nil when it has none; throws when it has one that cannot be read.
    static func sessionDescription(of body: ByteBuffer, contentType: String?) throws -> SessionDescription? {
        guard body.readableBytes > 0 else { return nil }
        if let contentType, !contentType.lowercased().hasPrefix("application/sdp") { return nil }
        return try SessionDescription(parsing: body)
    }

    /// `sdp` as the phone on `to` must see it: media to the relay ports of that side, Switchboard's
    /// origin for that leg (RFC 3264 §8). Streams after the first audio stream are refused
    /// (port 0): the relay carries one stream per call. Records where the sender (`from`) listens.
    func relay(_ sdp: SessionDescription, from: CallSide, to: CallSide) -> ByteBuffer? {
        guard let media else { return nil }
        let audioIndex = sdp.firstAudioIndex
        if let audioIndex {
            let stream = sdp.media[audioIndex]
            let remote = RelayRemote(media: stream, in: sdp)
            media.setRemote(for: from, rtp: remote.rtp, rtcp: remote.rtcp)
        }
        let ports = media.ports(for: to)
        let portList = sdp.media.indices.map { $0 == audioIndex ? UInt16(clamping: ports.rtp) : 0 }
        let address = environment.mediaAddress
        let connection = address.contains(":") ? ConnectionData.ip6(address) : ConnectionData.ip4(address)
        guard var rewritten = try? sdp.rewritingTransport(to: connection, mediaPorts: portList) else { return nil }
        for index in rewritten.media.indices where index != audioIndex {
            rewritten.media[index].port = 0
        }
        let stamped = to == .caller ? callerOrigin.stamp(rewritten) : calleeOrigin.stamp(rewritten)
        var buffer = ByteBuffer()
        _ = stamped.write(to: &buffer)
        return buffer
    }

    /// The G.711 codec listed first in the audio stream, if it lists one.
    static func firstG711Codec(of sdp: SessionDescription) -> AudioCodec? {
        guard let index = sdp.firstAudioIndex else { return nil }
        let audio = sdp.media[index]
        for format in audio.formats {
            if format == "0" { return .pcmu }
            if format == "8" { return .pcma }
        }
        return nil
    }
}
