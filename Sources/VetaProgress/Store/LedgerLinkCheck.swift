import GRDB

/// The cheap check a reader such as `status` or `issue` makes of the entries it reads, so it never
/// acts on a log that does not verify there without reading the whole chain: each entry's hash is
/// its content's, its previous-hash is the hash of the entry before it, and the entry after it
/// names its hash. Neighbours outside the set read are fetched by sequence and their own hash
/// recomputed from their content, so an entry moved to another trainee (its columns changed, its
/// stored hash kept) is caught by the readers of both trainees.
enum LedgerLinkCheck {
    /// Throws a ``Refusal`` naming the first entry of `entries` (in sequence order) that does not verify.
    static func check(_ entries: [LedgerEntry], in db: Database) throws {
        guard !entries.isEmpty else { return }
        var hashes: [Int64: String] = [:]
        var previous: [Int64: String] = [:]
        for entry in entries {
            hashes[entry.sequence] = entry.hash
            previous[entry.sequence] = entry.previousHash
        }
        let rowAt = try db.cachedStatement(sql: "SELECT \(LedgerRow.columns) FROM ledger_entry WHERE sequence = ?")
        let end = try Int64.fetchOne(db, sql: "SELECT MAX(sequence) FROM ledger_entry") ?? 0
        /// A neighbour outside the set: read whole, its hash recomputed; nil when there is none.
        func neighbour(_ sequence: Int64) throws -> LedgerEntry? {
            guard let row = try Row.fetchOne(rowAt, arguments: [sequence]) else { return nil }
            guard case .success(let entry) = LedgerRow.entry(row), LedgerCanonicalEncoding.hash(of: entry) == entry.hash else {
                throw Refusal(
                    "the ledger does not verify at entry \(sequence): its content does not match its hash",
                    reasons: ["nothing was done; run veta ledger verify to see every entry that does not verify"])
            }
            hashes[entry.sequence] = entry.hash
            previous[entry.sequence] = entry.previousHash
            return entry
        }
        for entry in entries {
            func refuse(_ reason: String) -> Refusal {
                Refusal(
                    "the ledger does not verify at entry \(entry.sequence): \(reason)",
                    reasons: ["nothing was done; run veta ledger verify to see every entry that does not verify"])
            }
            guard LedgerCanonicalEncoding.hash(of: entry) == entry.hash else {
                throw refuse("its content does not match its hash")
            }
            var before = LedgerEntry.genesisHash as String?
            if entry.sequence > 1 {
                before = try hashes[entry.sequence - 1] ?? neighbour(entry.sequence - 1)?.hash
            }
            guard before == entry.previousHash else { throw refuse("its previous-hash does not match the entry before it") }
            guard entry.sequence < end else { continue }
            let after = try previous[entry.sequence + 1] ?? neighbour(entry.sequence + 1)?.previousHash
            guard after == entry.hash else { throw refuse("the entry after it does not name its hash") }
        }
    }
}
