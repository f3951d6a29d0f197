// SPDX-License-Identifier: Apache-2.0
import NIOCore

/// Decides when an answered call has carried no media for too long.
///
/// Packets only record a time; a periodic check asks ``reportsTimeout(at:)``, so the packet path
/// does no timer work. Time before the call is active does not count, and the timeout is
/// reported once.
struct RelayIdleMonitor {
    /// How long both directions may be silent.
    let timeout: TimeAmount
    /// When the last packet arrived from either phone.
    private(set) var lastPacketAt: NIODeadline?
    private var activeSince: NIODeadline?
    /// Whether the timeout has been reported.
    private(set) var hasTimedOut = false

    init(timeout: TimeAmount) {
        self.timeout = timeout
    }

    /// Whether the silence is being watched.
    var isActive: Bool { activeSince != nil }

    mutating func recordPacket(at now: NIODeadline) {
        lastPacketAt = now
    }

    /// Starts counting silence from `now` unless already active.
    mutating func activate(at now: NIODeadline) {
        if activeSince == nil {
            activeSince = now
        }
    }

    /// Stops counting (e.g. both phones on hold).
    mutating func deactivate() {
        activeSince = nil
    }

    /// True once, at the first check that finds no packet since `timeout` before `now`
    /// while active.
    mutating func reportsTimeout(at now: NIODeadline) -> Bool {
        guard !hasTimedOut, let activeSince else { return false }
        let silentSince = max(activeSince, lastPacketAt ?? activeSince)
        guard now - silentSince >= timeout else { return false }
        hasTimedOut = true
        return true
    }
}
