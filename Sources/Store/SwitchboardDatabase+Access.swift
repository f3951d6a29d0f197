// SPDX-License-Identifier: Apache-2.0
import GRDB

/// Read and write helpers that turn every failure into a ``StoreError``.
extension SwitchboardDatabase {
    func reading<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.read(body)
        } catch {
            throw StoreError(error)
        }
    }

    func reading<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await writer.read(body)
        } catch {
            throw StoreError(error)
        }
    }

    func writing<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.write(body)
        } catch {
            throw StoreError(error)
        }
    }

    func writing<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await writer.write(body)
        } catch {
            throw StoreError(error)
        }
    }
}

extension StoreError {
    /// Wraps any error thrown inside a database access: store errors pass through, SQLite
    /// errors keep their message.
    init(_ error: any Error) {
        switch error {
        case let error as StoreError:
            self = error
        case let error as DatabaseError:
            self = .database(error.message ?? error.description)
        default:
            self = .database(String(describing: error))
        }
    }
}
