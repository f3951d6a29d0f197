// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import PBX
import SIPStack

/// `serve` options for SIP timers and keep-alives.
struct ServeTimingOptions: ParsableArguments {
    @Option(name: .customLong("sip-t1"), help: "RFC 3261 T1 (round-trip estimate) in milliseconds.")
    var t1 = 500

    @Option(name: .customLong("sip-t2"), help: "RFC 3261 T2 (longest retransmission interval) in milliseconds.")
    var t2 = 4_000

    @Option(name: .customLong("sip-t4"), help: "RFC 3261 T4 (longest time a message lives in the network) in milliseconds.")
    var t4 = 5_000

    @Option(name: .customLong("keepalive-interval"), help: "Seconds between keep-alive pings of registered phones (0: off).")
    var keepAliveInterval = 30

    @Option(name: .customLong("rtp-timeout"), help: "Seconds without media after which an answered call is ended (0: never).")
    var rtpTimeout = 60

    @Option(name: .customLong("trunk-retry"), help: "Seconds before the first retry of a failed trunk registration; doubled per failure up to 600.")
    var trunkRetry = 30

    func apply(to configuration: inout ServerConfiguration) throws {
        guard t1 > 0, t2 >= t1, t4 > 0 else { throw ValidationError("--sip-t1, --sip-t4 must be more than 0 and --sip-t2 at least --sip-t1") }
        guard keepAliveInterval >= 0 else { throw ValidationError("--keepalive-interval must be 0 (off) or more") }
        configuration.timers = SIPTimers(t1: .milliseconds(t1), t2: .milliseconds(t2), t4: .milliseconds(t4))
        configuration.keepAliveInterval = Double(keepAliveInterval)
        guard rtpTimeout >= 0 else { throw ValidationError("--rtp-timeout must be 0 (never) or more") }
        configuration.rtpTimeout = rtpTimeout
        guard trunkRetry > 0 else { throw ValidationError("--trunk-retry must be 1 or more seconds") }
        configuration.trunkPolicy.retryBase = Double(trunkRetry)
    }
}
