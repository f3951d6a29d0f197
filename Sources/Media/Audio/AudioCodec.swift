// SPDX-License-Identifier: Apache-2.0

/// The codecs Switchboard encodes music and prompts into: G.711 at 8 kHz (RFC 3551 §4.5.14).
public enum AudioCodec: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// G.711 μ-law.
    case pcmu = "PCMU"
    /// G.711 A-law.
    case pcma = "PCMA"

    /// The static RTP payload type (RFC 3551 §6, Table 4).
    public var staticPayloadType: UInt8 {
        switch self {
        case .pcmu: return 0
        case .pcma: return 8
        }
    }

    /// Samples per second, which is also the RTP clock rate.
    public var sampleRate: Int { 8_000 }

    /// The codec with encoding name `name` in an `a=rtpmap` line (case-insensitive), if any.
    public init?(encodingName name: String) {
        self.init(rawValue: name.uppercased())
    }

    /// One byte per sample.
    public func encode(_ samples: [Int16]) -> [UInt8] {
        switch self {
        case .pcmu: return samples.map(G711.muLaw)
        case .pcma: return samples.map(G711.aLaw)
        }
    }

    /// The linear samples of `codes`.
    public func decode(_ codes: some Sequence<UInt8>) -> [Int16] {
        switch self {
        case .pcmu: return codes.map { G711.linear(muLaw: $0) }
        case .pcma: return codes.map { G711.linear(aLaw: $0) }
        }
    }

    /// The encoding name of `a=rtpmap`.
    public var description: String { rawValue }
}
