// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import Media

@Suite("G.711 μ-law and A-law")
struct G711Tests {
    @Test("known μ-law codes (ITU-T G.711 Table 2a)")
    func muLawVectors() {
        #expect(G711.muLaw(0) == 0xFF)
        #expect(G711.muLaw(-1) == 0x7F)
        #expect(G711.muLaw(32_767) == 0x80)
        #expect(G711.muLaw(-32_768) == 0x00)
        #expect(G711.muLaw(1_000) == 0xCE)
        #expect(G711.muLaw(-1_000) == 0x4E)
        #expect(G711.linear(muLaw: 0xFF) == 0)
        #expect(G711.linear(muLaw: 0x80) == 32_124)
        #expect(G711.linear(muLaw: 0x00) == -32_124)
        #expect(G711.linear(muLaw: 0xCE) == 988)
    }

    @Test("known A-law codes (ITU-T G.711 Table 1a)")
    func aLawVectors() {
        #expect(G711.aLaw(0) == 0xD5)
        #expect(G711.aLaw(-1) == 0x55)
        #expect(G711.aLaw(32_767) == 0xAA)
        #expect(G711.aLaw(-32_768) == 0x2A)
        #expect(G711.aLaw(1_000) == 0xFA)
        #expect(G711.aLaw(-1_000) == 0x7A)
        #expect(G711.linear(aLaw: 0xD5) == 8)
        #expect(G711.linear(aLaw: 0x55) == -8)
        #expect(G711.linear(aLaw: 0xAA) == 32_256)
        #expect(G711.linear(aLaw: 0x2A) == -32_256)
        #expect(G711.linear(aLaw: 0xFA) == 1_008)
    }

    @Test("every code decodes to a value that encodes back to it (μ-law's negative zero aside)")
    func codesAreFixedPoints() {
        for code in UInt8.min...UInt8.max {
            #expect(G711.aLaw(G711.linear(aLaw: code)) == code)
            if code != 0x7F {
                #expect(G711.muLaw(G711.linear(muLaw: code)) == code)
            }
        }
    }

    @Test("the round-trip error stays within half a quantisation step, about 1/32 of the magnitude")
    func roundTripError() {
        var worstMuLaw = 0
        var worstALaw = 0
        for value in Int(Int16.min)...Int(Int16.max) {
            let sample = Int16(value)
            let muError = abs(Int(G711.linear(muLaw: G711.muLaw(sample))) - value)
            let aError = abs(Int(G711.linear(aLaw: G711.aLaw(sample))) - value)
            // Above the top of the scale both laws clip: μ-law at 32124, A-law at 32256.
            if abs(value) <= 32_000 {
                #expect(muError <= 8 + abs(value) / 30, "μ-law \(value)")
                #expect(aError <= 8 + abs(value) / 30, "A-law \(value)")
            }
            worstMuLaw = max(worstMuLaw, muError)
            worstALaw = max(worstALaw, aError)
        }
        #expect(worstMuLaw == 644)
        #expect(worstALaw == 512)
    }

    @Test("codecs map to their static payload types and encode sample by sample")
    func codecs() {
        #expect(AudioCodec.pcmu.staticPayloadType == 0)
        #expect(AudioCodec.pcma.staticPayloadType == 8)
        #expect(AudioCodec(encodingName: "pcma") == .pcma)
        #expect(AudioCodec(encodingName: "G722") == nil)
        #expect(AudioCodec.pcmu.encode([0, 32_767]) == [0xFF, 0x80])
        #expect(AudioCodec.pcma.decode([0xAA, 0x2A]) == [32_256, -32_256])
    }
}
