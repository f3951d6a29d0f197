// SPDX-License-Identifier: Apache-2.0
import Foundation

/// A phone's RTP port on 127.0.0.1 that records every datagram it receives, on a thread of its
/// own, until stopped.
final class RTPCollector: @unchecked Sendable {
    struct Packet {
        var payloadType: UInt8
        var sequenceNumber: UInt16
        var timestamp: UInt32
        var ssrc: UInt32
        var sourcePort: Int
        /// The bytes after the 12-byte fixed header (no CSRCs or extensions are expected).
        var payload: [UInt8]
        /// When it arrived.
        var arrival: Date
    }

    private let fd: Int32
    private let lock = NSLock()
    private var packets: [Packet] = []
    private var running = true
    private let done = DispatchSemaphore(value: 0)

    /// Binds 127.0.0.1:`port`. The phones' RTP ports are fixed by the sipp scenarios, so tests
    /// of different suites running at once take turns: while another collector holds the port,
    /// this one waits for it, at most `wait` seconds. Take 6100 before 6200, as every test does,
    /// so that two tests never wait for each other.
    init(port: Int, wait: TimeInterval = 120) throws {
        fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let deadline = Date().addingTimeInterval(wait)
        var bound: Int32 = -1
        while bound != 0 && Date() < deadline {
            bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            if bound != 0 { usleep(100_000) }
        }
        guard bound == 0 else {
            close(fd)
            throw RawSocketError.failed("bind 127.0.0.1:\(port)")
        }
        Thread { [self] in receiveLoop() }.start()
    }

    /// What arrived so far.
    var received: [Packet] { lock.withLock { packets } }

    /// Sends `datagram` from this port to 127.0.0.1:`port`, as the phone's own RTP would go.
    func send(_ datagram: [UInt8], toPort port: Int) {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                sendto(fd, datagram, datagram.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
    }

    /// Stops receiving and closes the port.
    func stop() {
        lock.withLock { running = false }
        done.wait()
        close(fd)
    }

    private func receiveLoop() {
        var buffer = [UInt8](repeating: 0, count: 2048)
        var source = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        while lock.withLock({ running }) {
            let count = withUnsafeMutablePointer(to: &source) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { recvfrom(fd, &buffer, buffer.count, 0, $0, &length) }
            }
            guard count >= 12 else { continue }
            let packet = Packet(
                payloadType: buffer[1] & 0x7F,
                sequenceNumber: UInt16(buffer[2]) << 8 | UInt16(buffer[3]),
                timestamp: UInt32(buffer[4]) << 24 | UInt32(buffer[5]) << 16 | UInt32(buffer[6]) << 8 | UInt32(buffer[7]),
                ssrc: UInt32(buffer[8]) << 24 | UInt32(buffer[9]) << 16 | UInt32(buffer[10]) << 8 | UInt32(buffer[11]),
                sourcePort: Int(UInt16(bigEndian: source.sin_port)),
                payload: Array(buffer[12..<count]), arrival: Date())
            lock.withLock { packets.append(packet) }
        }
        done.signal()
    }
}
