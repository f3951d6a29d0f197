// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Logging

/// `--log-level` values.
enum LogLevelArgument: String, ExpressibleByArgument, CaseIterable {
    case trace, debug, info, notice, warning, error

    var level: Logger.Level {
        switch self {
        case .trace: .trace
        case .debug: .debug
        case .info: .info
        case .notice: .notice
        case .warning: .warning
        case .error: .error
        }
    }
}

/// `--rtp-ports LO-HI`: an even-sized range of unprivileged ports.
struct PortRangeArgument {
    let range: ClosedRange<Int>

    init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let lower = Int(parts[0]), let upper = Int(parts[1]),
            lower >= 1024, upper <= 65535, lower < upper
        else { return nil }
        range = lower...upper
    }
}
