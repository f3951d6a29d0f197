// SPDX-License-Identifier: Apache-2.0
import Foundation
import Logging
import NIOCore
import SIP
import SIPStack
import SIPTransport

/// Everything `switchboard serve` is told on its command line, already validated.
public struct ServerConfiguration: Sendable {
    /// The state folder: SQLite store and control socket.
    public var dataDirectory: String
    /// The SIP listeners.
    public var listeners: [SIPListenerAddress]
    /// A dialplan file or folder.
    public var dialplanPath: String
    /// Music-on-hold and prompt audio.
    public var soundsDirectory: String
    /// The media relay's UDP port range.
    public var rtpPorts: ClosedRange<Int>
    /// The address written into rewritten SDP; nil means derive it from the listeners.
    public var mediaAddress: String?
    /// SIP domain and digest realm of the extensions.
    public var domain: String
    /// TLS certificate chain (PEM) for `tls:` listeners.
    public var tlsCertificatePath: String?
    /// TLS private key (PEM) for `tls:` listeners.
    public var tlsKeyPath: String?
    /// How much to log.
    public var logLevel: Logger.Level
    /// When failed authentication bans an address.
    public var banPolicy = BanPolicy()
    /// Registration limits.
    public var registrarPolicy = RegistrarPolicy()
    /// How long a digest nonce stays fresh.
    public var nonceLifetime: TimeInterval = 300
    /// The music played to a held party: a file or folder under `soundsDirectory`.
    public var holdMusic = "moh/default"
    /// An answered call with no media in either direction for this many seconds is ended.
    public var rtpTimeout: Int = 60
    /// Seconds between keep-alive pings of registered contacts (0: none).
    public var keepAliveInterval: TimeInterval = 30
    /// RFC 3261 transaction timers T1, T2, T4.
    public var timers = SIPTimers()
    /// When trunk registrations are refreshed and retried.
    public var trunkPolicy = TrunkRegistrationPolicy()
    /// DNS servers asked for trunk hosts (RFC 3263); nil: those of /etc/resolv.conf.
    public var nameservers: [SocketAddress]?
    /// Digest algorithms challenged with, in order.
    public var digestAlgorithms: [DigestAlgorithm] = [.md5, .sha256]

    /// The defaults of INTERFACE.md.
    public init(
        dataDirectory: String = "./var",
        listeners: [SIPListenerAddress] = ServerConfiguration.defaultListeners,
        dialplanPath: String = "./dialplans",
        soundsDirectory: String = "./sounds",
        rtpPorts: ClosedRange<Int> = 10_000...20_000,
        mediaAddress: String? = nil,
        domain: String = "switchboard.local",
        tlsCertificatePath: String? = nil,
        tlsKeyPath: String? = nil,
        logLevel: Logger.Level = .info
    ) {
        self.dataDirectory = dataDirectory
        self.listeners = listeners
        self.dialplanPath = dialplanPath
        self.soundsDirectory = soundsDirectory
        self.rtpPorts = rtpPorts
        self.mediaAddress = mediaAddress
        self.domain = domain
        self.tlsCertificatePath = tlsCertificatePath
        self.tlsKeyPath = tlsKeyPath
        self.logLevel = logLevel
    }

    /// `udp:0.0.0.0:5060` and `tcp:0.0.0.0:5060`.
    public static let defaultListeners = [
        SIPListenerAddress(kind: .udp, host: "0.0.0.0", port: 5060),
        SIPListenerAddress(kind: .tcp, host: "0.0.0.0", port: 5060),
    ]

    /// The stack settings derived from this configuration.
    var stackConfiguration: SIPStackConfiguration {
        var stack = SIPStackConfiguration(productToken: PBXVersion.productToken, advertisedIPv4: advertisedIPv4)
        stack.timers = timers
        return stack
    }

    /// The address of the media relay and of rewritten SDP: `--media-address`, else the first
    /// listener's address unless it is a wildcard, else the primary interface's.
    var effectiveMediaAddress: String {
        if let mediaAddress { return mediaAddress }
        if let host = listeners.first?.host, host != "0.0.0.0", host != "::" { return host }
        return advertisedIPv4
    }

    /// The IPv4 address to put in Via and Contact when a listener is bound to 0.0.0.0.
    var advertisedIPv4: String {
        if let mediaAddress, !mediaAddress.contains(":") { return mediaAddress }
        let devices = (try? System.enumerateDevices()) ?? []
        let candidate = devices.compactMap { $0.address?.ipAddress }.first { !$0.contains(":") && !$0.hasPrefix("127.") }
        return candidate ?? "127.0.0.1"
    }
}
