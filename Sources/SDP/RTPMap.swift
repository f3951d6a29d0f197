// SPDX-License-Identifier: Apache-2.0

/// An `a=rtpmap` value: payload type to encoding (RFC 4566 §6), or a static assignment of RFC 3551.
public struct RTPMap: Hashable, Sendable {
    /// The RTP payload type number.
    public var payloadType: UInt8
    /// The encoding name as written, such as "PCMU", "opus", "telephone-event".
    public var encodingName: String
    /// The RTP clock rate in Hz.
    public var clockRate: UInt32
    /// Encoding parameters; the channel count for audio.
    public var encodingParameters: String?

    /// Creates a mapping.
    public init(payloadType: UInt8, encodingName: String, clockRate: UInt32, encodingParameters: String? = nil) {
        self.payloadType = payloadType
        self.encodingName = encodingName
        self.clockRate = clockRate
        self.encodingParameters = encodingParameters
    }

    /// Parses `<payload type> <encoding name>/<clock rate>[/<encoding parameters>]`; nil when malformed.
    public init?(attributeValue: String) {
        let fields = Substring(attributeValue).sdpFields
        guard fields.count == 2, let payloadType = UInt8(fields[0]), payloadType < 128 else { return nil }
        let parts = fields[1].split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, !parts[0].isEmpty, let clockRate = UInt32(parts[1]) else { return nil }
        self.init(
            payloadType: payloadType,
            encodingName: String(parts[0]),
            clockRate: clockRate,
            encodingParameters: parts.count == 3 ? String(parts[2]) : nil
        )
    }

    /// The `a=rtpmap` value.
    public var attributeValue: String {
        let base = "\(payloadType) \(encodingName)/\(clockRate)"
        return encodingParameters.map { "\(base)/\($0)" } ?? base
    }

    /// True for RFC 4733 DTMF events (`telephone-event`; encoding names are case-insensitive).
    public var isTelephoneEvent: Bool {
        encodingName.lowercased() == "telephone-event"
    }

    /// The static audio payload types of RFC 3551 Table 4 that phones use without an rtpmap line.
    public static func staticAudio(payloadType: UInt8) -> RTPMap? {
        switch payloadType {
        case 0: RTPMap(payloadType: 0, encodingName: "PCMU", clockRate: 8000, encodingParameters: "1")
        case 3: RTPMap(payloadType: 3, encodingName: "GSM", clockRate: 8000, encodingParameters: "1")
        case 4: RTPMap(payloadType: 4, encodingName: "G723", clockRate: 8000, encodingParameters: "1")
        case 8: RTPMap(payloadType: 8, encodingName: "PCMA", clockRate: 8000, encodingParameters: "1")
        // RFC 3551 §4.5.2: G.722's RTP clock rate is 8000 although it samples at 16 kHz.
        case 9: RTPMap(payloadType: 9, encodingName: "G722", clockRate: 8000, encodingParameters: "1")
        case 13: RTPMap(payloadType: 13, encodingName: "CN", clockRate: 8000, encodingParameters: "1")
        case 18: RTPMap(payloadType: 18, encodingName: "G729", clockRate: 8000, encodingParameters: "1")
        default: nil
        }
    }
}
