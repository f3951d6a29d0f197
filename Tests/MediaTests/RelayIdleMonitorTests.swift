// SPDX-License-Identifier: Apache-2.0
import NIOCore
import Testing

@testable import Media

@Suite("Relay idle monitor")
struct RelayIdleMonitorTests {
    private let start = NIODeadline.uptimeNanoseconds(1_000_000_000)

    @Test("an inactive session never times out")
    func inactiveNeverTimesOut() {
        var monitor = RelayIdleMonitor(timeout: .seconds(60))
        let fired1 = monitor.reportsTimeout(at: start + .hours(1))
        #expect(!fired1)
    }

    @Test("silence counts from activation, and the timeout is reported once")
    func silenceFromActivation() {
        var monitor = RelayIdleMonitor(timeout: .seconds(60))
        monitor.recordPacket(at: start)
        monitor.activate(at: start + .seconds(100))
        let fired2 = monitor.reportsTimeout(at: start + .seconds(159))
        #expect(!fired2)
        let fired3 = monitor.reportsTimeout(at: start + .seconds(160))
        #expect(fired3)
        #expect(monitor.hasTimedOut)
        let fired4 = monitor.reportsTimeout(at: start + .seconds(500))
        #expect(!fired4)
    }

    @Test("each packet restarts the count")
    func packetsKeepItAlive() {
        var monitor = RelayIdleMonitor(timeout: .seconds(60))
        monitor.activate(at: start)
        monitor.recordPacket(at: start + .seconds(50))
        let fired5 = monitor.reportsTimeout(at: start + .seconds(100))
        #expect(!fired5)
        let fired6 = monitor.reportsTimeout(at: start + .seconds(110))
        #expect(fired6)
    }

    @Test("activating again does not restart the count; deactivating stops it")
    func activationIsIdempotentAndStoppable() {
        var monitor = RelayIdleMonitor(timeout: .seconds(60))
        monitor.activate(at: start)
        monitor.activate(at: start + .seconds(30))
        #expect(monitor.isActive)
        monitor.deactivate()
        #expect(!monitor.isActive)
        let fired7 = monitor.reportsTimeout(at: start + .seconds(300))
        #expect(!fired7)
        monitor.activate(at: start + .seconds(300))
        let fired8 = monitor.reportsTimeout(at: start + .seconds(360))
        #expect(fired8)
    }

    @Test(
        "silence is checked every second, or four times per timeout when that is shorter",
        arguments: [
            (TimeAmount.seconds(60), TimeAmount.seconds(1)),
            (.milliseconds(300), .milliseconds(75)),
            (.milliseconds(20), .milliseconds(10)),
        ]
    )
    func checkInterval(timeout: TimeAmount, interval: TimeAmount) {
        let configuration = MediaRelayConfiguration(bindHost: "127.0.0.1", rtpTimeout: timeout)
        #expect(configuration.idleCheckInterval == interval)
    }
}
