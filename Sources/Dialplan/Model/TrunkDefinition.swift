// SPDX-License-Identifier: Apache-2.0

/// A SIP provider from the `trunks:` section: where it is, how Switchboard authenticates to it,
/// whether it registers, and which numbers it delivers to which context.
public struct TrunkDefinition: Sendable, Hashable {
    /// The transport written in `transport:`.
    public enum Transport: String, Sendable, Hashable, CaseIterable {
        /// SIP over UDP.
        case udp
        /// SIP over TCP.
        case tcp
        /// SIP over TLS.
        case tls
    }

    /// Registration expiry asked for when `expires` is not given, in seconds.
    public static let defaultExpires = 3600

    /// The trunk's name, as used by `dial: {trunk: NAME}`.
    public var name: String
    /// The provider's host: a DNS name or an IP literal (IPv6 in brackets).
    public var host: String
    /// The provider's port; nil: found by RFC 3263 lookup (or the transport's default).
    public var port: Int?
    /// The transport; nil: found by RFC 3263 lookup (or UDP).
    public var transport: Transport?
    /// A SIP URI every request to the provider is sent through, if any.
    public var outboundProxy: String?
    /// The account's user name (To/From user of REGISTER).
    public var username: String?
    /// The user name for digest authentication when it differs from `username`.
    public var authUsername: String?
    /// Where the password is; nil: the trunk does not authenticate.
    public var password: SecretReference?
    /// Only challenges from this realm are answered; nil: any realm.
    public var realm: String?
    /// Whether Switchboard registers with the provider (RFC 3261 §10.2).
    public var register: Bool
    /// The registration expiry asked for, in seconds.
    public var expires: Int
    /// Codec names offered to the provider, in order; empty: whatever the caller offers.
    public var codecs: [String]
    /// The From user presented on outbound calls, if set.
    public var callerID: String?
    /// A From user that replaces the caller's on every request (providers that insist).
    public var fromUser: String?
    /// The From host; nil: the trunk host.
    public var fromDomain: String?
    /// The user part of Contact, for registration and calls; nil: the username.
    public var contactUser: String?
    /// The numbers the provider delivers to Switchboard.
    public var dids: [DIDPattern]
    /// The context inbound calls from this trunk start in; nil: `start.trunks`.
    public var context: String?
    /// Concurrent calls allowed on the trunk; nil: no limit.
    public var maxCalls: Int?
    /// Further source addresses or networks (`203.0.113.0/24`) the provider sends from.
    public var allow: [String]
    /// Whether a TLS provider's certificate is checked (against the system trust store, or
    /// `tlsCAFile`, and the host name); false only for labs.
    public var tlsVerify = true
    /// A PEM file of the certificates trusted for this trunk's TLS connections instead of the
    /// system trust store (a private CA, or the provider's self-signed certificate).
    public var tlsCAFile: String?
    /// Where the trunk is defined.
    public var location: SourceLocation
    /// Where `context` is written, for errors about it.
    var contextLocation: SourceLocation?

    /// Creates a trunk definition; only the name, host and location are required.
    public init(
        name: String,
        host: String,
        port: Int? = nil,
        transport: Transport? = nil,
        username: String? = nil,
        password: SecretReference? = nil,
        register: Bool = false,
        expires: Int = TrunkDefinition.defaultExpires,
        location: SourceLocation
    ) {
        self.name = name
        self.host = host
        self.port = port
        self.transport = transport
        self.username = username
        self.password = password
        self.register = register
        self.expires = expires
        self.codecs = []
        self.dids = []
        self.allow = []
        self.location = location
    }

    /// The user name digest credentials carry: `auth_username`, else `username`.
    public var digestUsername: String? { authUsername ?? username }

    /// Whether `number` is one of the trunk's DIDs.
    public func delivers(_ number: String) -> Bool { dids.contains { $0.matches(number) } }
}
