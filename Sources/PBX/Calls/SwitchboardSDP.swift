// SPDX-License-Identifier: Apache-2.0
import Media
import SDP

/// The session descriptions Switchboard writes when it answers the caller itself (the
/// `answer`, `play` and `music` steps), where no callee's SDP can be relayed: one audio stream
/// at the relay's port for that side, G.711 (what prompts and music are encoded in), and RFC
/// 4733 telephone events when the other side has them.
enum SwitchboardSDP {
    /// The payload type of telephone-event in Switchboard's own offers (RFC 4733 §7.1.1).
    static let telephoneEventPayloadType: UInt8 = 101

    /// Where the relay listens on one side: `--media-address` and that side's port pair.
    struct Transport {
        var address: String
        var rtpPort: Int
        var rtcpPort: Int
    }

    /// RFC 3264 §6: the answer to `offer`. The first audio stream is accepted with its first
    /// G.711 codec (and telephone-event if offered), the direction answering the offer's; every
    /// other stream is refused (port 0). Nil when the offer has no audio stream with G.711.
    static func answer(to offer: SessionDescription, at transport: Transport) -> SessionDescription? {
        guard let index = offer.firstAudioIndex else { return nil }
        let offered = offer.media[index]
        guard let codec = Call.firstG711Codec(of: offer) else { return nil }
        let events = offered.telephoneEventPayloadTypes.first.map { ($0, offered.formatParameters(forPayloadType: $0)) }
        var audio = stream(codec: codec, events: events, at: transport)
        audio.direction = offer.effectiveDirection(of: offered).answering
        var answer = session(at: transport)
        answer.media = offer.media.indices.map { position in
            guard position != index else { return audio }
            var refused = offer.media[position]
            refused.port = 0
            return refused
        }
        return answer
    }

    /// The offer in Switchboard's 200 to a caller whose INVITE had none (RFC 3261 §13.2.1):
    /// PCMU, PCMA and telephone-event, sendrecv.
    static func offer(at transport: Transport) -> SessionDescription {
        var offer = session(at: transport)
        var audio = stream(codec: .pcmu, events: (telephoneEventPayloadType, "0-16"), at: transport)
        audio.formats.insert("8", at: 1)
        audio.attributes.insert(SDPAttribute(name: "rtpmap", value: "8 PCMA/8000"), at: 1)
        offer.media = [audio]
        return offer
    }

    /// The offer to a callee once Switchboard has answered the caller: only `codec`, the one
    /// agreed with the caller, and telephone-event if `agreed` (the description Switchboard sent
    /// the caller) has it, so that the callee's answer needs no re-INVITE toward the caller;
    /// sendrecv, at the callee side's ports.
    static func calleeOffer(agreed: SessionDescription, codec: AudioCodec, at transport: Transport) -> SessionDescription? {
        guard let index = agreed.firstAudioIndex else { return nil }
        let audio = agreed.media[index]
        let events = audio.telephoneEventPayloadTypes.first.map { ($0, audio.formatParameters(forPayloadType: $0)) }
        var offer = session(at: transport)
        offer.media = [stream(codec: codec, events: events, at: transport)]
        return offer
    }

    private static func session(at transport: Transport) -> SessionDescription {
        let isIPv6 = transport.address.contains(":")
        let origin = Origin(
            username: "switchboard", sessionID: "0", sessionVersion: 1, networkType: "IN",
            addressType: isIPv6 ? "IP6" : "IP4", address: transport.address)
        return SessionDescription(
            origin: origin, sessionName: "switchboard",
            connection: isIPv6 ? .ip6(transport.address) : .ip4(transport.address))
    }

    /// One audio stream: `codec`, then telephone-event with its fmtp, 20 ms packets (RFC 3551 §4.5),
    /// RTCP on the relay's port (RFC 3605).
    private static func stream(codec: AudioCodec, events: (UInt8, String?)?, at transport: Transport) -> MediaDescription {
        let payloadType = codec.staticPayloadType
        var formats = [String(payloadType)]
        var attributes = [SDPAttribute(name: "rtpmap", value: "\(payloadType) \(codec.rawValue)/8000")]
        if let (eventType, parameters) = events {
            formats.append(String(eventType))
            attributes.append(SDPAttribute(name: "rtpmap", value: "\(eventType) telephone-event/8000"))
            if let parameters { attributes.append(SDPAttribute(name: "fmtp", value: "\(eventType) \(parameters)")) }
        }
        attributes += [SDPAttribute(name: "ptime", value: "20"), SDPAttribute(name: "rtcp", value: String(transport.rtcpPort))]
        var audio = MediaDescription(media: "audio", port: UInt16(clamping: transport.rtpPort), formats: formats, attributes: attributes)
        audio.direction = .sendrecv
        return audio
    }
}
