import GRDB

/// The cheap check a reader such as `status` or `issue` makes of the entries it reads, so it never
/// acts on a log that does not verify there without reading the whole chain: each entry's hash is
/// its content's, its previous-hash is the hash of the entry before it, and the entry after it
/// names its hash (neighbours outside the set read are fetched by sequence).
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
        let hashAt = try db.cachedStatement(sql: "SELECT hash FROM ledger_entry WHERE sequence = ?")
        let previousAt = try db.cachedStatement(sql: "SELECT previous_hash FROM ledger_entry WHERE sequence = ?")
        let end = try Int64.fetchOne(db, sql: "SELECT MAX(sequence) FROM ledger_entry") ?? 0
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
                before = try hashes[entry.sequence - 1] ?? String.fetchOne(hashAt, arguments: [entry.sequence - 1])
            }
            guard before == entry.previousHash else { throw refuse("its previous-hash does not match the entry before it") }
            guard entry.sequence < end else { continue }
            let after = try previous[entry.sequence + 1] ?? String.fetchOne(previousAt, arguments: [entry.sequence + 1])
            guard after == entry.hash else { throw refuse("the entry after it does not name its hash") }
        }
    }
}
