// SPDX-License-Identifier: Apache-2.0

/// One value for each of a session's four endpoints (a/b × RTP/RTCP), stored inline and
/// addressed without hashing on the packet path.
struct PerEndpoint<Value> {
    private var aRTP: Value
    private var aRTCP: Value
    private var bRTP: Value
    private var bRTCP: Value

    /// Every endpoint starts with `initial`.
    init(_ initial: Value) {
        aRTP = initial
        aRTCP = initial
        bRTP = initial
        bRTCP = initial
    }

    subscript(endpoint: RelayEndpoint) -> Value {
        get {
            switch (endpoint.leg, endpoint.stream) {
            case (.a, .rtp): return aRTP
            case (.a, .rtcp): return aRTCP
            case (.b, .rtp): return bRTP
            case (.b, .rtcp): return bRTCP
            }
        }
        set {
            switch (endpoint.leg, endpoint.stream) {
            case (.a, .rtp): aRTP = newValue
            case (.a, .rtcp): aRTCP = newValue
            case (.b, .rtp): bRTP = newValue
            case (.b, .rtcp): bRTCP = newValue
            }
        }
    }

    /// The four values, a-RTP, a-RTCP, b-RTP, b-RTCP.
    var all: [Value] { [aRTP, aRTCP, bRTP, bRTCP] }
}
