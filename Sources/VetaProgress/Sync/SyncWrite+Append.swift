/// The engine-free part of ``ProgressStore/receive(_:after:)``: what every store checks and chains
/// inside the one write transaction that appends a receipt and its copies, whatever its engine
/// (``SQLiteProgressStore`` and the PostgreSQL store read the log's head and write rows their own way).
extension SyncWrite {
    /// The copies that are progress (enrolments, evidence...): the ones the enrolment guard checks.
    package var progressCopies: [LedgerEntry] { copies.filter { !$0.kind.isRegistry } }

    /// Whether a copy registers something: the registry's tables are then rebuilt from the log.
    package var registers: Bool { copies.contains(where: \.kind.isRegistry) }

    /// A ``StoreError/Kind/changed`` unless the ledger still ends at `end` (its last entry is `last`).
    package static func checkEnd(_ last: Int64, _ end: Int64) throws {
        guard last == end else {
            throw StoreError(.changed, "the ledger changed while the bundle was checked (entry \(last) is now the last, not \(end))")
        }
    }

    /// The receipt and its copies as they are stored: chained after the entry `end` whose hash is
    /// `previousHash`, recorded at `recordedAt`. The copies keep their signatures (made over the
    /// sender's bytes, ``SiteChains``); the receipt has none.
    package func chained(after end: Int64, previousHash: String, recordedAt: String) -> [LedgerEntry] {
        var chain = LedgerChainer(after: end, hash: previousHash, recordedAt: recordedAt)
        return ([receipt] + copies).map { entry in
            chain.link(entry) { if $0.kind == .receipt { $0.signature = nil } }
        }
    }

    /// A ``Refusal`` when the registry the log builds with the copies appended after `end` does not
    /// hold together at one of them (the copy cannot be registered): nothing is written.
    package static func checkRegistry(_ state: RegistryState, after end: Int64) throws {
        if let problem = state.problems.first(where: { $0.sequence > end }) {
            throw Refusal("entry \(problem.sequence) of the import cannot be registered: \(problem.reason); nothing was written")
        }
    }
}
