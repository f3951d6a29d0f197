// SPDX-License-Identifier: Apache-2.0
import NIOConcurrencyHelpers

/// What the relay's sessions share across event loops: the port pool and the live sessions.
///
/// Used when a call starts or ends, never per packet, so a lock is cheap here.
final class RelayResources: Sendable {
    private struct State {
        var pool: RTPPortPool
        var sessions: [ObjectIdentifier: RelaySession] = [:]
        var isShutDown = false
    }

    private let state: NIOLockedValueBox<State>
    /// How many port pairs the range holds.
    let capacity: Int

    init(pool: RTPPortPool) {
        self.capacity = pool.capacity
        self.state = NIOLockedValueBox(State(pool: pool))
    }

    var activeSessionCount: Int { state.withLockedValue { $0.sessions.count } }
    var freePairCount: Int { state.withLockedValue { $0.pool.freeCount } }

    /// The next free pair, nil when none is left.
    func takePair() throws(MediaRelayError) -> RTPPortPair? {
        let (isShutDown, pair) = state.withLockedValue { state -> (Bool, RTPPortPair?) in
            state.isShutDown ? (true, nil) : (false, state.pool.take())
        }
        if isShutDown { throw .shutDown }
        return pair
    }

    /// Returns a pair that was taken but not used by a session.
    func giveBack(_ pair: RTPPortPair) {
        state.withLockedValue { $0.pool.giveBack(pair) }
    }

    /// Records a new session; false once shutting down, when the caller must close it.
    func register(_ session: RelaySession) -> Bool {
        state.withLockedValue { state in
            guard !state.isShutDown else { return false }
            state.sessions[ObjectIdentifier(session)] = session
            return true
        }
    }

    /// Forgets a closed session and returns its ports to the pool.
    func release(_ session: RelaySession) {
        state.withLockedValue { state in
            state.sessions[ObjectIdentifier(session)] = nil
            state.pool.giveBack(session.a)
            state.pool.giveBack(session.b)
        }
    }

    /// Refuses new sessions from now on and returns the live ones.
    func beginShutdown() -> [RelaySession] {
        state.withLockedValue { state in
            state.isShutDown = true
            return Array(state.sessions.values)
        }
    }
}
