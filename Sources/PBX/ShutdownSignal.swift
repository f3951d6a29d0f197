// SPDX-License-Identifier: Apache-2.0
import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Waits for SIGINT or SIGTERM (and reports SIGHUP separately, the conventional "reload").
public final class ProcessSignals: @unchecked Sendable {
    // Only touched on `queue`.
    private var sources: [any DispatchSourceSignal] = []
    private let queue = DispatchQueue(label: "switchboard.signals")

    /// Starts listening; the default actions of these signals are disabled until the process ends.
    public init(onTerminate: @escaping @Sendable (Int32) -> Void, onHangup: @escaping @Sendable () -> Void) {
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                if number == SIGHUP { onHangup() } else { onTerminate(number) }
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Stops listening.
    public func cancel() {
        queue.sync {
            for source in sources { source.cancel() }
            sources.removeAll()
        }
    }
}
