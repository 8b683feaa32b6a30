import Foundation
import PostgresNIO
import VetaCurricula
public import VetaProgress

extension PostgresProgressStore {
    /// Appends a `veta sync import` receipt and its copies in one write transaction holding the
    /// append lock, as the SQLite store does (``SyncWrite``): refused with ``StoreError/Kind/changed``
    /// unless the ledger still ends at `end`; the enrolment guard holds; the copies keep their
    /// signatures; the curricula the copied publications publish are stored; and the registry's
    /// tables are rebuilt from the log when a copy registers something. A copy the registry cannot
    /// take is a ``Refusal``, and nothing is written.
    public func receive(_ request: SyncWrite, after end: Int64) async throws -> [LedgerEntry] {
        let recordedAt = timestamp()
        return try await write { connection in
            let (last, previousHash) = try await Self.head(connection)
            try SyncWrite.checkEnd(last, end)
            try await self.checkEnrolments(request.progressCopies, end: last, in: connection)
            var writer = PostgresLedgerWriter(connection)
            let stored = request.chained(after: last, previousHash: previousHash, recordedAt: recordedAt)
            for entry in stored { try await writer.append(entry) }
            for curriculum in request.curricula { try await Self.insert(curriculum, publishedAt: recordedAt, connection) }
            if request.registers {
                let state = try await self.state(connection)
                try SyncWrite.checkRegistry(state, after: end)
                try await Self.rebuild(from: state, connection)
            }
            return stored
        }
    }
}
