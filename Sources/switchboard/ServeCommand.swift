// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import Logging
import PBX
import SIPTransport

/// `switchboard serve`: runs the PBX in the foreground until SIGINT or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the PBX in the foreground until SIGINT or SIGTERM."
    )

    @Option(name: .long, help: "State folder (default: $SWITCHBOARD_DATA, else ./var).")
    var data: String?

    @Option(name: .long, help: "A SIP listener: udp:HOST:PORT, tcp:HOST:PORT or tls:HOST:PORT (repeatable).")
    var listen: [String] = []

    @Option(name: .long, help: "A dialplan file or a folder of *.yaml files.")
    var dialplan = "./dialplans"

    @Option(name: .long, help: "Music-on-hold and prompt audio folder.")
    var sounds = "./sounds"

    @Option(name: .customLong("rtp-ports"), help: "UDP port range of the media relay, LO-HI.")
    var rtpPorts = "10000-20000"

    @Option(name: .customLong("media-address"), help: "Address written into rewritten SDP.")
    var mediaAddress: String?

    @Option(name: .long, help: "SIP domain and digest realm of the extensions.")
    var domain = "switchboard.local"

    @Option(name: .customLong("tls-cert"), help: "PEM certificate chain for tls: listeners.")
    var tlsCert: String?

    @Option(name: .customLong("tls-key"), help: "PEM private key for tls: listeners.")
    var tlsKey: String?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning or error.")
    var logLevel: LogLevelArgument = .info

    @OptionGroup(title: "Authentication and bans")
    var security: ServeSecurityOptions

    @OptionGroup(title: "Registrations")
    var registrar: ServeRegistrarOptions

    @OptionGroup(title: "Timers and keep-alives")
    var timing: ServeTimingOptions

    @OptionGroup(title: "Trunks")
    var trunks: ServeTrunkOptions

    func run() async throws {
        let configuration = try makeConfiguration()
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = configuration.logLevel
            return handler
        }
        try await ServerRunner(configuration: configuration).run { line in
            print(line)
            fflush(stdout)
        }
    }

    private func makeConfiguration() throws -> ServerConfiguration {
        let listeners = try listen.map { text in
            do { return try SIPListenerAddress(parsing: text) } catch { throw ValidationError("\(error)") }
        }
        guard let range = PortRangeArgument(rtpPorts) else {
            throw ValidationError("invalid --rtp-ports '\(rtpPorts)': expected LO-HI with 1024 <= LO < HI <= 65535")
        }
        var configuration = ServerConfiguration(
            dataDirectory: data ?? ProcessInfo.processInfo.environment["SWITCHBOARD_DATA"] ?? "./var",
            listeners: listeners.isEmpty ? ServerConfiguration.defaultListeners : listeners,
            dialplanPath: dialplan,
            soundsDirectory: sounds,
            rtpPorts: range.range,
            mediaAddress: mediaAddress,
            domain: domain,
            tlsCertificatePath: tlsCert,
            tlsKeyPath: tlsKey,
            logLevel: logLevel.level
        )
        try security.apply(to: &configuration)
        try registrar.apply(to: &configuration)
        try timing.apply(to: &configuration)
        try trunks.apply(to: &configuration)
        return configuration
    }
}
