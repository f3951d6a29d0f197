// SPDX-License-Identifier: Apache-2.0
import Foundation

/// A plain UDP or TCP socket on loopback that sends hand-written SIP bytes and reads what
/// comes back: for the malformed messages no SIP tool will send.
final class RawSIPSocket {
    private let fd: Int32

    /// Connects (UDP: sets the default peer) to `host:port`.
    init(host: String = "127.0.0.1", port: Int, tcp: Bool = false) throws {
        var hints = addrinfo()
        hints.ai_socktype = tcp ? Int32(SOCK_STREAM.rawValue) : Int32(SOCK_DGRAM.rawValue)
        hints.ai_flags = AI_NUMERICHOST
        var info: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &info) == 0, let address = info else {
            throw RawSocketError.failed("getaddrinfo \(host)")
        }
        defer { freeaddrinfo(info) }
        fd = socket(address.pointee.ai_family, hints.ai_socktype, 0)
        guard fd >= 0 else { throw RawSocketError.failed("socket") }
        var timeout = timeval(tv_sec: 3, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard connect(fd, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 else {
            close(fd)
            throw RawSocketError.failed("connect \(host):\(port)")
        }
    }

    deinit { close(fd) }

    /// The local port, for Via headers that must route back here.
    var localPort: Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return withUnsafeBytes(of: storage) { raw in
            Int(UInt16(raw[2]) << 8 | UInt16(raw[3]))
        }
    }

    /// Sends `text`, with every `\n` turned into CRLF unless `raw`.
    func send(_ text: String, raw: Bool = false) {
        let bytes = Array((raw ? text : text.replacingOccurrences(of: "\n", with: "\r\n")).utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }

    /// Sends bytes as they are.
    func send(bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }

    /// The next datagram (or the bytes available on TCP), or nil after the receive timeout.
    func receive() -> String? {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = read(fd, &buffer, buffer.count)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count], as: UTF8.self)
    }

    /// The status line of the next response, e.g. `SIP/2.0 400 Missing Call-ID header field`.
    func receiveStatusLine() -> String? {
        receive()?.components(separatedBy: "\r\n").first
    }
}

enum RawSocketError: Error {
    case failed(String)
}
