package import GRDB

extension DatabasePool {
    /// Runs `work` in an IMMEDIATE transaction: the write lock is taken before anything is read,
    /// so two processes writing at once are serialised by SQLite (waiting up to the busy timeout).
    /// SQLite's errors become ``StoreError/Kind/storage`` errors (with SQLite's words, never the SQL
    /// or its arguments); errors thrown by `work` itself pass through unchanged.
    package func writeImmediate<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try work(db)
                    return .commit
                }
                guard let result else { throw StoreError(.storage, "the transaction produced no result") }
                return result
            }
        } catch let error as DatabaseError {
            throw StoreError(.storage, "the store could not be written: \(error.message ?? "\(error.resultCode)")")
        }
    }
}
