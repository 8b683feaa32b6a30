import Foundation
import GRDB

extension SQLiteProgressStore {
    /// Appends a receipt and its copies in one write transaction, if the ledger still ends at `end`
    /// (``StoreError/Kind/changed`` otherwise): the copies keep their signatures, the curricula the
    /// copied publications publish are stored, the enrolment guard holds, and the registry's tables
    /// are rebuilt from the log when a copy registers something; a copy the registry cannot take is
    /// a ``Refusal`` and nothing is written.
    public func receive(_ request: SyncWrite, after end: Int64) async throws -> [LedgerEntry] {
        let recordedAt = Self.timestamp(clock())
        return try await write { db in
            let last = try Row.fetchOne(db, sql: "SELECT sequence, hash FROM ledger_entry ORDER BY sequence DESC LIMIT 1")
            let sequence: Int64 = last?["sequence"] ?? 0
            try SyncWrite.checkEnd(sequence, end)
            try EnrolmentGuard.check(request.progressCopies, in: db)
            var writer = try LedgerWriter(db)
            let stored = request.chained(after: sequence, previousHash: last?["hash"] ?? LedgerEntry.genesisHash, recordedAt: recordedAt)
            for entry in stored { try writer.append(entry) }
            for curriculum in request.curricula {
                try db.execute(
                    sql: "INSERT INTO curriculum (code, version, sha256, xml, published_at) VALUES (?, ?, ?, ?, ?)",
                    arguments: [
                        curriculum.ref.code.rawValue, curriculum.ref.version.description, curriculum.sha256, Data(curriculum.xml),
                        recordedAt,
                    ])
            }
            if request.registers {
                let state = try RegistryLog.state(db)
                try SyncWrite.checkRegistry(state, after: end)
                try RegistryTables.rebuild(from: state, in: db)
            }
            return stored
        }
    }
}
