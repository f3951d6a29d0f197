// SPDX-License-Identifier: Apache-2.0
import Foundation
import ProcessTestSupport

/// A tshark capture on the loopback interface, bounded by its own `-a duration:`, read back with
/// tshark's SIP and SDP dissectors. Capturing needs privileges; `isAvailable` says whether it may.
final class PacketCapture {
    /// One SIP INVITE seen on the wire.
    struct Invite {
        /// The UDP port it was sent from.
        var sourcePort: Int
        /// The UDP port it was sent to.
        var destinationPort: Int
        /// Its Call-ID.
        var callID: String
        /// The SDP connection address (`c=`), if it had a body.
        var connectionAddress: String?
        /// The SDP audio port (`m=audio`), if it had a body.
        var audioPort: Int?
    }

    /// Whether tshark is installed and this process may capture (it runs as root).
    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tshark") && getuid() == 0
    }

    private let file: URL
    private let process: LoggedProcess

    /// Starts capturing UDP to or from `port` on loopback and waits (bounded) until tshark has
    /// begun, so that nothing sent afterwards is missed.
    init(udpPort port: Int, seconds: Int = 30) throws {
        let folder = try TemporaryDirectory.make(prefix: "capture")
        file = folder.appendingPathComponent("sip.pcapng")
        process = try LoggedProcess(
            "/usr/bin/tshark",
            ["-i", "lo", "-f", "udp port \(port)", "-a", "duration:\(seconds)", "-w", file.path],
            logURL: folder.appendingPathComponent("tshark.log"))
        guard process.waitForLog(containing: "Capturing on", timeout: 15) else {
            throw PacketCaptureError.notStarted(log: process.log)
        }
    }

    deinit { process.stop() }

    /// Ends the capture and returns every INVITE in it,
    /// retransmissions and authenticated retries included, in capture order.
    func stopAndReadInvites() throws -> [Invite] {
        // SIGTERM, not SIGINT: a test runner may ignore SIGINT, and its children inherit that.
        // tshark closes the file cleanly on SIGTERM, and stops its dumpcap child, which SIGKILL
        // would leave running until `-a duration:`.
        process.stop()
        let fields = ["udp.srcport", "udp.dstport", "sip.Call-ID", "sdp.connection_info", "sdp.media"]
        let read = try Command.run(
            "/usr/bin/tshark",
            ["-r", file.path, "-Y", "sip.Method == \"INVITE\"", "-T", "fields", "-E", "separator=|"]
                + fields.flatMap { ["-e", $0] },
            timeout: 30)
        guard read.status == 0 else { throw PacketCaptureError.unreadable(output: read.output) }
        return read.output.split(separator: "\n").compactMap(Self.invite)
    }

    /// `5061|5060|call-id|IN IP4 127.0.0.1|audio 10002 RTP/AVP 0 101`; nil for other lines.
    private static func invite(_ line: Substring) -> Invite? {
        let cells = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard cells.count == 5, let source = Int(cells[0]), let destination = Int(cells[1]) else { return nil }
        let connection = cells[3].split(separator: " ").last.map(String.init)
        let media = cells[4].split(separator: " ")
        let audioPort = media.first == "audio" && media.count > 1 ? Int(media[1]) : nil
        return Invite(
            sourcePort: source, destinationPort: destination, callID: cells[2], connectionAddress: connection,
            audioPort: audioPort)
    }
}

enum PacketCaptureError: Error, CustomStringConvertible {
    case notStarted(log: String)
    case unreadable(output: String)

    var description: String {
        switch self {
        case .notStarted(let log): "tshark did not start capturing: \(log)"
        case .unreadable(let output): "tshark could not read the capture: \(output)"
        }
    }
}
