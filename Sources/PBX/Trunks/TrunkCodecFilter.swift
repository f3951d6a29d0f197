// SPDX-License-Identifier: Apache-2.0
import SDP

/// Narrows an SDP offer to the codecs a trunk allows (its `codecs:` list), so that the provider
/// never picks one it bills extra for or transcodes badly. RFC 4733 telephone-event (DTMF) is
/// not a codec and always stays.
struct TrunkCodecFilter {
    /// Encoding names, compared case-insensitively (`PCMU`, `pcma`, `G722`).
    let allowed: Set<String>

    init(codecs: [String]) {
        allowed = Set(codecs.map { $0.lowercased() })
    }

    /// `offer` with the first audio stream keeping only allowed formats (and their rtpmap and
    /// fmtp lines); nil when no allowed codec is left, since an offer without one cannot be
    /// answered (RFC 3264 §6).
    func filter(_ offer: SessionDescription) -> SessionDescription? {
        guard let index = offer.firstAudioIndex else { return offer }
        var audio = offer.media[index]
        let kept = audio.payloadTypes.filter { payloadType in
            guard let map = audio.rtpMap(forPayloadType: payloadType) else { return false }
            return map.isTelephoneEvent || allowed.contains(map.encodingName.lowercased())
        }
        guard kept.contains(where: { audio.rtpMap(forPayloadType: $0)?.isTelephoneEvent == false }) else { return nil }
        let dropped = Set(audio.payloadTypes).subtracting(kept)
        audio.formats = kept.map(String.init)
        audio.attributes.removeAll { attribute in
            guard attribute.name == "rtpmap" || attribute.name == "fmtp",
                let first = attribute.value?.split(separator: " ").first, let payloadType = UInt8(first)
            else { return false }
            return dropped.contains(payloadType)
        }
        var filtered = offer
        filtered.media[index] = audio
        return filtered
    }
}
