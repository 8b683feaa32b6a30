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
            var sequence: Int64 = last?["sequence"] ?? 0
            guard sequence == end else {
                throw StoreError(
                    .changed, "the ledger changed while the bundle was checked (entry \(sequence) is now the last, not \(end))")
            }
            try EnrolmentGuard.check(request.copies.filter { !$0.kind.isRegistry }, in: db)
            var previousHash: String = last?["hash"] ?? LedgerEntry.genesisHash
            var writer = try LedgerWriter(db)
            var stored: [LedgerEntry] = []
            for var entry in [request.receipt] + request.copies {
                sequence += 1
                entry.sequence = sequence
                entry.recordedAt = recordedAt
                entry.previousHash = previousHash
                if entry.kind == .receipt { entry.signature = nil }
                entry.hash = LedgerCanonicalEncoding.hash(of: entry)
                try writer.append(entry)
                previousHash = entry.hash
                stored.append(entry)
            }
            for curriculum in request.curricula {
                try db.execute(
                    sql: "INSERT INTO curriculum (code, version, sha256, xml, published_at) VALUES (?, ?, ?, ?, ?)",
                    arguments: [
                        curriculum.ref.code.rawValue, curriculum.ref.version.description, curriculum.sha256, Data(curriculum.xml),
                        recordedAt,
                    ])
            }
            if request.copies.contains(where: \.kind.isRegistry) {
                let state = try RegistryLog.state(db)
                if let problem = state.problems.first(where: { $0.sequence > end }) {
                    throw Refusal("entry \(problem.sequence) of the import cannot be registered: \(problem.reason); nothing was written")
                }
                try RegistryTables.rebuild(from: state, in: db)
            }
            return stored
        }
    }
}
