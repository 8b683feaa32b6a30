import GRDB
import VetaProgress

/// Reads record entries straight from the log, by serial through the `ledger_entry_by_serial` index.
enum RecordLog {
    static func entry(_ kind: LedgerEntry.Kind, _ serial: String, _ db: Database) throws -> LedgerEntry? {
        try entries(db, "kind = ? AND serial = ?", [kind.rawValue, serial]).first
    }

    static func entries(_ db: Database, _ condition: String, _ arguments: StatementArguments) throws -> [LedgerEntry] {
        let rows = try Row.fetchAll(
            db, sql: "SELECT \(LedgerRowColumns.all) FROM ledger_entry WHERE \(condition) ORDER BY sequence", arguments: arguments)
        return try rows.map { row in
            switch LedgerRowColumns.entry(row) {
            case .success(let entry): return entry
            // Bad data in the store is a finding about the store (exit 1), never an internal error.
            case .failure(let error): throw Refusal("the ledger is damaged at \(error); run veta ledger verify")
            }
        }
    }
}
