// SPDX-License-Identifier: Apache-2.0

/// A call as a queue's message to it finds it: gone when the call ended, so that a queue
/// never keeps a finished call alive.
final class WeakCall {
    weak var call: Call?

    init(_ call: Call) {
        self.call = call
    }
}
