// SPDX-License-Identifier: Apache-2.0

/// Which failures of a call through one trunk send it to the next trunk of the `dial` list.
///
/// A failure that is the trunk's own (it is down, overloaded, refuses Switchboard's credentials,
/// or is full) tries the next trunk; an answer that comes from the called party, or that any
/// route would give (busy, declined, no such number), ends the dial with that answer.
enum TrunkFailoverPolicy {
    /// Global answers of the called party (RFC 3261 §21.6): 600 Busy Everywhere, 603 Decline,
    /// 604 Does Not Exist Anywhere, 606 Not Acceptable, and 607 Unwanted (RFC 8197). Another
    /// provider would reach the same person with the same result.
    static let finalGlobalFailures: Set<Int> = [600, 603, 604, 606, 607]

    /// Whether a call that failed with `status` on one trunk should try the next one.
    static func triesNextTrunk(after status: Int) -> Bool {
        switch status {
        // The trunk refused the credentials (a second challenge) or refused the account.
        case 401, 403, 407: return true
        // No answer from the trunk in time (Timer B, or no provisional response).
        case 408: return true
        // The trunk or a server behind it failed, including transport errors (reported as 503).
        case 500..<600: return true
        case 600..<700: return !finalGlobalFailures.contains(status)
        default: return false
        }
    }
}
