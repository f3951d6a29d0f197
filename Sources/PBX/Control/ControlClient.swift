// SPDX-License-Identifier: Apache-2.0
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The command line's side of the control socket: one request, one response line.
public struct ControlClient: Sendable {
    /// The socket file.
    public let socketPath: String

    /// A client for the socket in a `--data` folder.
    public init(dataDirectory: String) {
        socketPath = (dataDirectory as NSString).appendingPathComponent("switchboard.sock")
    }

    /// A client for a socket path.
    public init(socketPath: String) {
        self.socketPath = socketPath
    }

    /// Sends a request and returns the raw response line. Throws with a message naming the
    /// folder when no server answers.
    public func send(_ request: ControlRequest) throws -> Data {
        let fd = try connect()
        defer { close(fd) }
        var line = try JSONEncoder.switchboard.encode(request)
        line.append(UInt8(ascii: "\n"))
        let written = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == line.count else { throw ControlCommandError("lost the connection to the server at \(socketPath)") }
        var response = Data()
        var chunk = [UInt8](repeating: 0, count: 4096)
        while !response.contains(UInt8(ascii: "\n")) {
            let count = read(fd, &chunk, chunk.count)
            guard count > 0 else { throw ControlCommandError("the server at \(socketPath) closed the connection without answering") }
            response.append(contentsOf: chunk[0..<count])
        }
        return response.prefix { $0 != UInt8(ascii: "\n") }
    }

    /// Sends a request and decodes a successful result; a failed one throws its error line.
    public func call<Result: Codable & Sendable>(_ request: ControlRequest, as type: Result.Type) throws -> Result {
        let response = try JSONDecoder.switchboard.decode(ControlResponse<Result>.self, from: send(request))
        guard response.ok, let result = response.result else {
            throw ControlCommandError(response.error ?? "the server refused '\(request.command)'")
        }
        return result
    }

    private func connect() throws -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ControlCommandError("cannot create a socket: \(String(cString: strerror(errno)))") }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let pathBytes = Array(socketPath.utf8)
        guard pathBytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            close(fd)
            throw ControlCommandError("the socket path \(socketPath) is too long; use a shorter --data folder")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: pathBytes)
            raw[pathBytes.count] = 0
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard result == 0 else {
            close(fd)
            throw ControlCommandError(
                "no switchboard server is running on this --data folder (cannot connect to \(socketPath)); start one with 'switchboard serve'"
            )
        }
        return fd
    }
}
