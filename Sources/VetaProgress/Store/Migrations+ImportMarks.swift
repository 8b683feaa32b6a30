import GRDB

/// Schema version 7: the view `ledger_entry` names the `import` kind (code 19,
/// ``LedgerEntry/Kind/importBatch``). The view spells out every kind code it reads; one made by an
/// earlier version would report an `import` entry as a code of no kind. Nothing stored changes.
enum ImportMarkMigrations {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v7 import entries in the ledger view") { db in
            try db.execute(sql: "DROP VIEW ledger_entry")
            try db.execute(sql: CompactLedgerRow.view())
        }
    }
}
