import GRDB

/// Schema version 5: the ledger in its compact layout (``CompactLedgerRow``).
///
/// Every entry of the text table is read as it is read for verification (each column of its type,
/// each value in its canonical text) and written to `ledger` with the same sequence, content and
/// hash: what is hashed does not change, so every hash that verified still does, and an entry that
/// was changed after it was recorded still fails. An entry that is not stored exactly cannot be
/// moved without changing what is stored: the migration then stops with a ``Refusal``, and the
/// store's data stays as it was.
enum CompactMigrations {
    static let identifier = "v5 compact ledger"

    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration(identifier) { db in
            try db.execute(sql: CompactLedgerRow.tables)
            var writer = try LedgerWriter(db)
            let rows = try Row.fetchCursor(
                db, sql: "SELECT \(LedgerRow.textColumns), NULL AS problem FROM ledger_entry ORDER BY sequence")
            while let row = try rows.next() {
                switch LedgerRow.entry(row) {
                case .success(let entry): try writer.append(entry)
                case .failure(let error):
                    throw Refusal(
                        "the store cannot move to the compact ledger (schema version 5): \(error); nothing was changed",
                        reasons: [
                            "the entry is not stored exactly as it was hashed: run `veta ledger verify` with the veta that wrote the store "
                                + "and restore it from a copy that verifies"
                        ])
                }
            }
            try db.execute(sql: "DROP TABLE ledger_entry")
            try db.execute(sql: CompactLedgerRow.indexes())
            try db.execute(sql: CompactLedgerRow.view())
        }
    }
}
