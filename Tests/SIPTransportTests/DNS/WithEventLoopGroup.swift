// SPDX-License-Identifier: Apache-2.0
import NIOPosix

/// Runs `body` with a one-thread event loop group that is shut down afterwards, thrown or not.
func withEventLoopGroup<Value>(_ body: (MultiThreadedEventLoopGroup) async throws -> Value) async throws -> Value {
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    do {
        let value = try await body(group)
        try await group.shutdownGracefully()
        return value
    } catch {
        try? await group.shutdownGracefully()
        throw error
    }
}
