// SPDX-License-Identifier: Apache-2.0

/// A `t=` line with the `r=` lines that follow it (RFC 4566 §5.9, §5.10).
public struct Timing: Hashable, Sendable {
    /// Start time in NTP seconds; 0 for an unbounded session.
    public var start: UInt64
    /// Stop time in NTP seconds; 0 for an unbounded session.
    public var stop: UInt64
    /// The values of the `r=` lines, verbatim.
    public var repeats: [String]

    /// Creates a timing; `Timing()` is the `t=0 0` that SIP sessions use (RFC 3264 §5).
    public init(start: UInt64 = 0, stop: UInt64 = 0, repeats: [String] = []) {
        self.start = start
        self.stop = stop
        self.repeats = repeats
    }
}

extension Timing {
    /// The syntax named in parse errors.
    static let syntax = "<start-time> <stop-time>"

    /// Parses the value of a `t=` line.
    init?(sdpValue: Substring) {
        let fields = sdpValue.sdpFields
        guard fields.count == 2, let start = UInt64(fields[0]), let stop = UInt64(fields[1]) else { return nil }
        self.init(start: start, stop: stop)
    }

    /// The value of the `t=` line.
    var sdpValue: String {
        "\(start) \(stop)"
    }
}
