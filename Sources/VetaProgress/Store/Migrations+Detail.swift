import GRDB

/// Schema version 8: the columns only some kinds of entry use move from `ledger` to the side table
/// `ledger_detail`, and the names of `ledger_name` are numbered per role (``LedgerDetail``).
///
/// Every stored value moves as it is stored (the same type and bytes; only the ids that point into
/// `ledger_name` change, each to the new id of the same name), so what is hashed does not change and
/// every hash that verified still does. A store whose view already names a problem (an id with no
/// name, an unknown code, a hash of the wrong length) is refused with nothing changed: its ids could
/// not be moved faithfully.
enum DetailMigrations {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration(LedgerDetail.identifier) { db in
            if let row = try Row.fetchOne(
                db, sql: "SELECT sequence, problem FROM ledger_entry WHERE problem IS NOT NULL ORDER BY sequence LIMIT 1")
            {
                let sequence: Int64 = row[0]
                let problem: String = row[1]
                throw Refusal(
                    "the store cannot move to schema version 8: entry \(sequence) is not stored exactly (\(problem)); nothing was changed",
                    reasons: [
                        "run `veta ledger verify` with the veta that wrote the store and restore it from a copy that verifies"
                    ])
            }
            try db.execute(sql: "DROP VIEW ledger_entry")
            try db.execute(sql: LedgerDetail.tables)
            try db.execute(sql: LedgerDetail.move())
            try db.execute(sql: LedgerDetail.indexes())
            try db.execute(sql: CompactLedgerRow.view(detail: true))
        }
    }
}
