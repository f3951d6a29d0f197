// SPDX-License-Identifier: Apache-2.0
import Foundation
import ProcessTestSupport

/// A headless baresip softphone registered as one extension over UDP on loopback. Its
/// microphone is a WAV file (module aufile), and what it decodes from the far end is recorded
/// in its folder (module sndfile writes `dump-<time>-dec.wav`). Audio is G.711 µ-law only, so
/// that what arrives can be compared sample by sample with what was sent.
final class BaresipPhone {
    /// How one phone is set up.
    struct Setup {
        /// The extension it registers as.
        var number: String
        /// The extension's password.
        var password: String
        /// The server's UDP port on 127.0.0.1.
        var serverPort: Int
        /// The WAV file it sends as its microphone (8 kHz mono 16-bit).
        var microphone: URL
        /// Whether it answers incoming calls at once.
        var answersAutomatically = false
        /// Whether it logs every SIP message (`-s`), e.g. to read the SDP it was offered.
        var tracesSIP = false
    }

    /// Its configuration folder, where the recording lands too.
    let folder: URL
    /// The extension it registers as.
    let number: String
    private let process: LoggedProcess

    /// Writes a configuration folder and starts baresip, bounded by its own `-t runSeconds`.
    /// `dialling` is a SIP URI it calls as soon as it has started.
    init(_ setup: Setup, dialling target: String? = nil, runSeconds: Int = 30) throws {
        folder = try TemporaryDirectory.make(prefix: "baresip-\(setup.number)")
        number = setup.number
        for (name, text) in Self.configurationFiles(setup, folder: folder, listenPort: FreePort.udpAndTCP()) {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let dial = target.map { ["-e", "/dial \($0)"] } ?? []
        let trace = setup.tracesSIP ? ["-s"] : []
        process = try LoggedProcess(
            "/usr/bin/baresip", ["-f", folder.path, "-t", String(runSeconds)] + trace + dial,
            logURL: folder.appendingPathComponent("baresip.log"))
    }

    deinit { stop() }

    /// Everything baresip printed so far.
    var log: String { process.log }

    /// Waits (bounded) until the server has accepted its registration.
    func waitUntilRegistered(timeout: TimeInterval = 5) -> Bool {
        process.waitForLog(containing: "\(number)@127.0.0.1: {0/UDP/v4} 200 OK", timeout: timeout)
    }

    /// Waits (bounded) until a call of this phone has ended.
    func waitForCallToEnd(timeout: TimeInterval) -> Bool {
        process.waitForLog(containing: "terminated (duration:", timeout: timeout)
    }

    /// Stops baresip. The first SIGTERM unregisters, but baresip then waits for its open SIP
    /// transactions to end (a UDP server transaction lingers up to 32 s, RFC 3261 §17.2.2
    /// Timer J); the second makes it exit at once. The recordings are complete by then: they
    /// close when a call ends.
    func stop() { process.stop(signals: [SIGTERM, SIGTERM], grace: 2) }

    /// The recording of what it received in its last call, if any.
    var recording: URL? {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasPrefix("dump-") && $0.hasSuffix("-dec.wav") }.sorted().last
            .map { folder.appendingPathComponent($0) }
    }

    /// The folder's files. SIP on loopback only (`net_interface`, or baresip picks the first
    /// outside address); its own RTP ports (`rtp_ports`) away from the server's relay range
    /// and from `FreePort`'s; the `menu` module provides `/dial` and hangs up when the
    /// microphone file ends, which ends the call.
    private static func configurationFiles(_ setup: Setup, folder: URL, listenPort: Int) -> [String: String] {
        let answer = setup.answersAutomatically ? ";answermode=auto" : ""
        return [
            "accounts": "<sip:\(setup.number)@127.0.0.1:\(setup.serverPort);transport=udp>"
                + ";auth_pass=\(setup.password);regint=60;audio_codecs=PCMU\(answer)\n",
            "config": """
                poll_method epoll
                sip_listen 127.0.0.1:\(listenPort)
                net_interface 127.0.0.1
                rtp_ports 60000-64999
                module_path /usr/lib/baresip/modules
                module_app account.so
                module_app menu.so
                module g711.so
                module aufile.so
                module sndfile.so
                audio_source aufile,\(setup.microphone.path)
                snd_path \(folder.path)

                """,
            "contacts": "",
        ]
    }
}
