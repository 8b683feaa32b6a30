import GRDB

/// The cheap check a reader such as `status` or `issue` makes of the entries it reads, so it never
/// acts on a log that does not verify there without reading the whole chain: each entry's hash is
/// its content's, its previous-hash is the hash of the entry before it, and the entry after it
/// names its hash. Neighbours outside the set read are fetched by sequence and their own hash
/// recomputed from their content, so an entry moved to another trainee (its columns changed, its
/// stored hash kept) is caught by the readers of both trainees.
package enum LedgerLinkCheck {
    /// Throws a ``Refusal`` naming the first entry of `entries` (in sequence order) that does not verify.
    ///
    /// An entry's neighbours among `entries` are the ones next to it in the array (nothing is
    /// indexed, so a whole curriculum's entries are checked without a second copy of their hashes);
    /// a neighbour outside them is read from the store once.
    static func check(_ entries: [LedgerEntry], in db: Database) throws {
        guard !entries.isEmpty else { return }
        let rowAt = try db.cachedStatement(sql: "SELECT \(LedgerRow.columns) FROM ledger_entry WHERE sequence = ?")
        let end = try Int64.fetchOne(db, sql: "SELECT MAX(sequence) FROM ledger_entry") ?? 0
        var fetched: (sequence: Int64, entry: LedgerEntry?)?
        /// A neighbour outside the set: read whole, its hash recomputed; nil when there is none.
        func neighbour(_ sequence: Int64) throws -> LedgerEntry? {
            if let fetched, fetched.sequence == sequence { return fetched.entry }
            guard let row = try Row.fetchOne(rowAt, arguments: [sequence]) else {
                fetched = (sequence, nil)
                return nil
            }
            guard case .success(let entry) = LedgerRow.entry(row), LedgerCanonicalEncoding.hash(of: entry) == entry.hash else {
                throw Refusal(
                    "the ledger does not verify at entry \(sequence): its content does not match its hash",
                    reasons: ["nothing was done; run veta ledger verify to see every entry that does not verify"])
            }
            fetched = (sequence, entry)
            return entry
        }
        try check(entries, end: end, neighbour: neighbour)
    }

    /// The check of ``check(_:in:)`` on entries read from any store: `end` is the ledger's last
    /// sequence, and `neighbour` gives the entry at a sequence outside `entries` (its hash already
    /// recomputed, a ``Refusal`` when it does not match), or nil when there is none.
    package static func check(_ entries: [LedgerEntry], end: Int64, neighbour: (Int64) throws -> LedgerEntry?) throws {
        for (index, entry) in entries.enumerated() {
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
                if index > 0, entries[index - 1].sequence == entry.sequence - 1 {
                    before = entries[index - 1].hash
                } else {
                    before = try neighbour(entry.sequence - 1)?.hash
                }
            }
            guard before == entry.previousHash else { throw refuse("its previous-hash does not match the entry before it") }
            guard entry.sequence < end else { continue }
            let after: String?
            if index + 1 < entries.count, entries[index + 1].sequence == entry.sequence + 1 {
                after = entries[index + 1].previousHash
            } else {
                after = try neighbour(entry.sequence + 1)?.previousHash
            }
            guard after == entry.hash else { throw refuse("the entry after it does not name its hash") }
        }
    }
}
