// SPDX-License-Identifier: Apache-2.0
import Foundation

/// One call between two baresip phones through a real server (`CallTestBed`: 1001 and 1002,
/// relay on `CallTestBed.relayPorts`). Each phone sends its own chirp as its microphone and
/// records what it receives: the caller a rising one for `callerSeconds`, after which it hangs
/// up; the callee, which answers at once, a falling one that lasts longer, so that the caller
/// is always the side that ends the call.
final class AudioCall {
    /// How long the caller's signal lasts, and so the call.
    static let callerSeconds = 3
    /// How long the callee's signal lasts.
    static let calleeSeconds = 4
    /// The sample rate of both signals (G.711's).
    static let sampleRate = 8_000

    /// What one call left behind.
    struct Outcome {
        /// Whether both phones saw the call end.
        var ended: Bool
        /// What the callee recorded (the caller's audio after the relay), if it recorded anything.
        var calleeRecording: URL?
        /// What the caller recorded (the callee's audio after the relay).
        var callerRecording: URL?
        /// The callee's log, SIP messages included.
        var calleeLog: String
        /// Everything, for an expectation's failure message.
        var diagnostics: String
    }

    let bed: CallTestBed
    /// The rising chirp the caller sends.
    let callerSignal: URL
    /// The falling chirp the callee sends.
    let calleeSignal: URL

    /// Starts the server and writes both signals with sox.
    init() throws {
        bed = try CallTestBed()
        let folder = try TemporaryDirectory.make(prefix: "audio-signals")
        callerSignal = folder.appendingPathComponent("caller.wav")
        calleeSignal = folder.appendingPathComponent("callee.wav")
        try Self.writeChirp(to: callerSignal, seconds: Self.callerSeconds, from: 300, to: 1_200)
        try Self.writeChirp(to: calleeSignal, seconds: Self.calleeSeconds, from: 1_400, to: 400)
    }

    deinit { stop() }

    /// Registers the callee, lets the caller dial it, and waits (bounded) for the call to end.
    func run() throws -> Outcome {
        let serverPort = bed.server.port("udp")
        var calleeSetup = BaresipPhone.Setup(
            number: CallTestBed.callee, password: CallTestBed.password, serverPort: serverPort,
            microphone: calleeSignal)
        calleeSetup.answersAutomatically = true
        calleeSetup.tracesSIP = true
        let callee = try BaresipPhone(calleeSetup)
        defer { callee.stop() }
        guard callee.waitUntilRegistered() else { throw AudioCallError.notRegistered(log: callee.log) }
        let callerSetup = BaresipPhone.Setup(
            number: CallTestBed.caller, password: CallTestBed.password, serverPort: serverPort,
            microphone: callerSignal)
        let caller = try BaresipPhone(callerSetup, dialling: "sip:\(CallTestBed.callee)@127.0.0.1:\(serverPort)")
        defer { caller.stop() }
        let limit = TimeInterval(Self.callerSeconds + 15)
        let ended = caller.waitForCallToEnd(timeout: limit) && callee.waitForCallToEnd(timeout: 5)
        caller.stop()
        callee.stop()
        let diagnostics = ["--- caller", caller.log, "--- callee", callee.log, "--- server", bed.server.log]
        return Outcome(
            ended: ended, calleeRecording: callee.recording, callerRecording: caller.recording,
            calleeLog: callee.log, diagnostics: diagnostics.joined(separator: "\n"))
    }

    /// Stops the server (the phones stop when `run` returns).
    func stop() { bed.stop() }

    /// The address and port of the audio the callee was offered: the `c=` and `m=audio` lines
    /// of the first INVITE in its SIP trace.
    static func offeredAudio(inCalleeLog log: String) -> (address: String, port: Int)? {
        guard let invite = log.range(of: "INVITE sip:") else { return nil }
        let lines = log[invite.upperBound...].split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard let connection = lines.first(where: { $0.hasPrefix("c=IN IP4 ") }),
            let media = lines.first(where: { $0.hasPrefix("m=audio ") }),
            let port = media.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return nil }
        return (String(connection.dropFirst("c=IN IP4 ".count)), port)
    }

    /// The port the callee's RTP came from, as baresip reports it ("receiving from 127.0.0.1:10002").
    static func rtpSourcePort(inCalleeLog log: String) -> Int? {
        guard let pattern = try? Regex(#"receiving from 127\.0\.0\.1:(\d+)"#),
            let match = log.firstMatch(of: pattern), let port = match.output[1].substring
        else { return nil }
        return Int(port)
    }

    /// A sine sweep, 8 kHz mono 16-bit: no two stretches of it look alike, so aligning a
    /// recording on it is unambiguous.
    private static func writeChirp(to url: URL, seconds: Int, from low: Int, to high: Int) throws {
        let sox = try Command.run(
            "/usr/bin/sox",
            ["-n", "-r", String(sampleRate), "-c", "1", "-b", "16", url.path,
             "synth", String(seconds), "sine", "\(low)-\(high)"])
        guard sox.status == 0 else { throw AudioCallError.signal(output: sox.output) }
    }
}

enum AudioCallError: Error, CustomStringConvertible {
    case notRegistered(log: String)
    case signal(output: String)

    var description: String {
        switch self {
        case .notRegistered(let log): "the callee phone did not register: \(log)"
        case .signal(let output): "sox could not write a signal: \(output)"
        }
    }
}
