import GRDB

/// Schema version 9: the view `ledger_entry` names the `receipt` kind (code 20,
/// ``LedgerEntry/Kind/receipt``) that `veta sync import` writes. The view spells out every kind code
/// it reads; one made by an earlier version would report a receipt as a code of no kind. Nothing
/// stored changes.
enum ReceiptMigrations {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v9 sync receipts in the ledger view") { db in
            try db.execute(sql: "DROP VIEW ledger_entry")
            try db.execute(sql: CompactLedgerRow.view(detail: true))
        }
    }
}
