import Foundation
import PostgresNIO
package import VetaProgress

extension PostgresProgressStore: StreamAppendingStore {
    /// Appends the entries `next` gives, one at a time until it gives nil, in one write transaction
    /// holding the append lock, if the ledger still ends at `end` (``StoreError/Kind/changed``
    /// otherwise): each is checked, cleaned and chained by the code the SQLite store runs
    /// (``StreamChain``) and inserted as it is read, so memory stays flat however many there are.
    /// `finish` runs last, inside the transaction, with how many were appended; when `next` or
    /// `finish` throws, the transaction is rolled back and nothing is written.
    package func appendStream(
        after end: Int64, next: @escaping @Sendable () throws -> LedgerEntry?, finish: @escaping @Sendable (Int) throws -> Void
    ) async throws -> Int {
        let recordedAt = timestamp()
        return try await write { connection in
            let (last, previousHash) = try await Self.head(connection)
            try StreamChain.checkEnd(last, end)
            var chain = StreamChain(after: last, previousHash: previousHash, recordedAt: recordedAt)
            var writer = PostgresLedgerWriter(connection)
            var count = 0
            while let original = try next() {
                try await writer.append(try chain.next(original))
                count += 1
            }
            try finish(count)
            return count
        }
    }
}
