// SPDX-License-Identifier: Apache-2.0

/// How the members of a ring group are rung.
public enum RingStrategy: String, Sendable, Hashable, CaseIterable {
    /// All members at once; the first to answer gets the call.
    case parallel
    /// One member after another, each for the member timeout.
    case sequential
}

/// A `dial` step after substitution and forwarding.
public struct DialStep: Sendable, Hashable {
    /// Who to ring, in the written order.
    public var targets: [DialTarget]
    /// How to ring several targets.
    public var strategy: RingStrategy
    /// Seconds each member rings (sequential groups); nil: until the total timeout.
    public var memberTimeout: Int?
    /// Seconds before giving up on the whole dial; nil: the controller's default.
    public var timeout: Int?
    /// Steps when every target is busy (486/600); empty: end the call with the busy status.
    public var onBusy: [RoutedStep]
    /// Steps when nobody answered in time; empty: end the call with 480.
    public var onNoAnswer: [RoutedStep]
    /// Steps when no target can be reached (not registered, 404, 5xx); empty: end with 480.
    public var onUnavailable: [RoutedStep]

    /// Creates a dial step.
    public init(
        targets: [DialTarget],
        strategy: RingStrategy = .parallel,
        memberTimeout: Int? = nil,
        timeout: Int? = nil,
        onBusy: [RoutedStep] = [],
        onNoAnswer: [RoutedStep] = [],
        onUnavailable: [RoutedStep] = []
    ) {
        self.targets = targets
        self.strategy = strategy
        self.memberTimeout = memberTimeout
        self.timeout = timeout
        self.onBusy = onBusy
        self.onNoAnswer = onNoAnswer
        self.onUnavailable = onUnavailable
    }
}

/// Who a `dial` or `forward` reaches.
public enum DialTarget: Sendable, Hashable, CustomStringConvertible {
    /// A provisioned extension, by number: ring its registered contacts.
    case local(String)
    /// A SIP URI, called as written.
    case uri(String)
    /// A number that is not a provisioned extension; the controller routes it again through
    /// the dialplan (e.g. towards a trunk).
    case number(String)
    /// A number called through trunks, tried in the listed order (failover).
    case trunk(names: [String], number: String)

    /// The number or URI.
    public var description: String {
        switch self {
        case .local(let number): return "extension \(number)"
        case .uri(let uri): return uri
        case .number(let number): return "number \(number)"
        case .trunk(let names, let number): return "\(number) via trunk \(names.joined(separator: ", then "))"
        }
    }
}
