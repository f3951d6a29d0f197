// SPDX-License-Identifier: Apache-2.0
import Foundation

/// A server with two extensions, 1001 (the caller) and 1002 (the callee), and sipp phones around
/// it: callee phones register and then wait for calls in the background, the caller phone
/// places one call. Every sipp run is bounded (`-m`, `-timeout`) and stopped at the end.
final class CallTestBed {
    /// The password of both extensions.
    static let password = "call-test-secret"
    /// The calling extension.
    static let caller = "1001"
    /// The called extension.
    static let callee = "1002"
    /// The relay's port range (`--rtp-ports`), below the ports `FreePort` hands to sipp.
    static let relayPorts = 10_000...10_999
    /// How long callee phones may still take once the caller's scenario has ended.
    static let graceAfterCall: TimeInterval = 10

    /// What both sides of one call logged.
    struct Outcome: CustomStringConvertible {
        /// The calling phone's run.
        var caller: SIPp.Result
        /// The called phones' runs, in the order they were started.
        var callees: [SIPp.Result]
        /// The server's log, for failure messages.
        var serverLog: String

        /// Short, for expectations; `diagnostics` has the details.
        var description: String { "caller: \(caller), callees: \(callees)" }

        /// Whether every called phone ran its scenario to the end.
        var calleesSucceeded: Bool { callees.allSatisfy(\.succeeded) }

        /// Everything, for an expectation's failure message.
        var diagnostics: String {
            let phones = callees.enumerated().flatMap { ["--- callee \($0.offset)", $0.element.output] }
            return (["--- caller", caller.output] + phones + ["--- server", serverLog]).joined(separator: "\n")
        }
    }

    let server: ServerProcess
    private var phones: [SIPpProcess] = []

    /// Starts a server on loopback (keep-alive pings off, so that nothing but the call reaches a
    /// callee phone) and provisions 1001 and 1002. `mediaAddress` is `--media-address`.
    init(mediaAddress: String? = nil, extraArguments: [String] = []) throws {
        let relay = ["--rtp-ports", "\(Self.relayPorts.lowerBound)-\(Self.relayPorts.upperBound)"]
        let media = mediaAddress.map { ["--media-address", $0] } ?? []
        server = try ServerProcess(extraArguments: ["--keepalive-interval", "0"] + relay + media + extraArguments)
        for number in [Self.caller, Self.callee] {
            let added = try Command.run(
                SwitchboardBinary.url.path,
                ["ext", "add", number, "--password", Self.password, "--data", server.dataDirectory.path])
            guard added.status == 0 else { throw CallTestBedError.provisioning(number: number, output: added.output) }
        }
    }

    deinit { stop() }

    /// The server's UDP listener as sipp's remote address.
    var serverTarget: String { "127.0.0.1:\(server.port("udp"))" }

    /// Registers a phone as `number` from a fresh port, then runs the callee scenario `scenario`
    /// (e.g. `callee-answers`) on that port in the background, ready for `calls` calls; extra
    /// sipp `arguments` follow (e.g. `-d` for a scenario that pauses).
    @discardableResult
    func startCallee(_ scenario: String, as number: String = callee, calls: Int = 1, arguments: [String] = []) throws -> SIPpProcess {
        let port = FreePort.udpAndTCP()
        let registration = try SIPp.run(
            scenario: SIPp.scenario("register"), target: serverTarget, localPort: port,
            arguments: ["-s", number, "-au", number, "-ap", Self.password, "-key", "expires", "3600"])
        guard registration.succeeded else { throw CallTestBedError.registration(output: registration.output) }
        let phone = try SIPp.start(
            scenario: SIPp.scenario(scenario), target: nil, calls: calls, localPort: port, arguments: ["-s", number] + arguments,
            timeout: 30)
        phones.append(phone)
        guard FreePort.waitUntilBound(udpPort: port) else { throw CallTestBedError.phoneNotListening(port: port) }
        return phone
    }

    /// Places one call from 1001 to `number` with the caller scenario `scenario` (e.g.
    /// `caller-hangs-up`, which holds the call `holdMilliseconds`) and waits for it to end.
    func call(_ number: String = callee, with scenario: String, holdMilliseconds: Int = 1000) throws -> SIPp.Result {
        try SIPp.run(scenario: SIPp.scenario(scenario), target: serverTarget, arguments: callerArguments(number, holdMilliseconds), timeout: 30)
    }

    /// Like `call`, but in the background, and from `caller` (an extension with the test password).
    func startCall(_ number: String = callee, with scenario: String, holdMilliseconds: Int, from caller: String = caller)
        throws -> SIPpProcess
    {
        try SIPp.start(
            scenario: SIPp.scenario(scenario), target: serverTarget, arguments: callerArguments(number, holdMilliseconds, from: caller),
            timeout: 30)
    }

    private func callerArguments(_ number: String, _ holdMilliseconds: Int, from caller: String = caller) -> [String] {
        [
            "-s", number, "-key", "caller", caller, "-au", caller, "-ap", Self.password,
            "-auth_uri", "\(number)@\(serverTarget)", "-d", String(holdMilliseconds),
        ]
    }

    /// Starts each callee scenario as a registered 1002 phone, places the call with
    /// `callerScenario`, then waits for every phone to finish.
    func run(caller callerScenario: String, dialling number: String = callee, callees: [String] = []) throws
        -> Outcome
    {
        for scenario in callees { try startCallee(scenario) }
        let caller = try call(number, with: callerScenario)
        // The phones' part of the call is over once the caller's is: a phone still waiting then
        // waits for something that will not come.
        let results = phones.map { $0.finish(within: Self.graceAfterCall) }
        phones.removeAll()
        return Outcome(caller: caller, callees: results, serverLog: server.log)
    }

    /// Stops every phone still running, then the server.
    func stop() {
        phones.forEach { $0.stop() }
        phones.removeAll()
        server.stop()
    }
}

enum CallTestBedError: Error, CustomStringConvertible {
    case provisioning(number: String, output: String)
    case registration(output: String)
    case phoneNotListening(port: Int)

    var description: String {
        switch self {
        case .provisioning(let number, let output): "ext add \(number) failed: \(output)"
        case .registration(let output): "the callee phone did not register: \(output)"
        case .phoneNotListening(let port): "the callee phone did not bind UDP port \(port)"
        }
    }
}
