// SPDX-License-Identifier: Apache-2.0
import Foundation

/// A program running in the background with its combined output in a log file, stopped by
/// signal and always within a bound: for peers that run alongside a test (softphones, capture).
///
/// It is spawned directly rather than with `Process`, whose children inherit the test runner's
/// blocked signal mask (SIGTERM and SIGINT among them), so that baresip and tshark would never
/// see the signals that end them cleanly. Here the child starts with no signal blocked and the
/// default action for the signals it is sent.
public final class LoggedProcess {
    /// The log file: everything the program wrote to stdout and stderr.
    public let logURL: URL
    private let pid: pid_t
    private var exited = false

    /// Starts `path arguments...` with `logURL` as its stdout and stderr, stdin from /dev/null.
    public init(_ path: String, _ arguments: [String], logURL: URL) throws {
        self.logURL = logURL
        var attributes = posix_spawnattr_t()
        var actions = posix_spawn_file_actions_t()
        posix_spawnattr_init(&attributes)
        posix_spawn_file_actions_init(&actions)
        defer {
            posix_spawnattr_destroy(&attributes)
            posix_spawn_file_actions_destroy(&actions)
        }
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGHUP, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child = pid_t()
        let status = posix_spawn(&child, path, &actions, &attributes, argv, environ)
        guard status == 0 else { throw LoggedProcessError.spawn(path: path, errno: status) }
        pid = child
    }

    deinit { stop() }

    /// Whether the program is still running (reaps it once it has ended).
    public var isRunning: Bool {
        guard !exited else { return false }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) != 0 { exited = true }
        return !exited
    }

    /// What the program has written so far.
    public var log: String { (try? String(contentsOf: logURL, encoding: .utf8)) ?? "" }

    /// Waits (bounded) until the log contains `text`; false if the program ended or the time
    /// ran out first.
    public func waitForLog(containing text: String, timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if log.contains(text) { return true }
            guard isRunning else { return log.contains(text) }
            usleep(50_000)
        }
        return false
    }

    /// Waits (bounded) for the program to end by itself; false if it still runs.
    public func waitForExit(timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while isRunning && Date() < deadline { usleep(20_000) }
        return !isRunning
    }

    /// Sends each of `signals` in turn (SIGTERM lets softphones unregister and captures flush),
    /// waiting up to `grace` seconds after each, then kills the program if it has not ended.
    public func stop(signals: [Int32] = [SIGTERM], grace: TimeInterval = 5) {
        for signal in signals where isRunning {
            kill(pid, signal)
            _ = waitForExit(timeout: grace)
        }
        if isRunning {
            kill(pid, SIGKILL)
            _ = waitForExit(timeout: grace)
        }
    }
}

/// Why a program could not be started.
public enum LoggedProcessError: Error, CustomStringConvertible {
    /// posix_spawn failed with `errno`.
    case spawn(path: String, errno: Int32)

    public var description: String {
        switch self {
        case .spawn(let path, let errno): "cannot start \(path): \(String(cString: strerror(errno)))"
        }
    }
}
