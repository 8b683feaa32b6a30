import GRDB
import PostgresNIO
import VetaProgress

/// Reads rows of the PostgreSQL view `ledger_entry` as ledger entries, through the very reader the
/// SQLite store uses (``LedgerRowColumns/entry(_:)``), so both engines check a row the same way:
/// its types, its problem column, its canonical text.
///
/// Each row's cells are read as the types the view gives them (BIGINT or TEXT) and handed to that
/// reader as a row of an in-memory SQLite statement (`SELECT ?, ?, …`), which keeps each value's type.
final class PostgresLedgerRows: Sendable {
    /// The columns of ``LedgerRowColumns/all`` that are integers; the others are text.
    private static let integerColumns: Set<String> = ["sequence", "minutes", "corrects", "derived_from", "checkpoint_size"]
    static let names = LedgerRowColumns.all.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    private static let integers = names.map { integerColumns.contains($0) }
    private static let select = "SELECT " + names.map { "? AS \($0)" }.joined(separator: ", ")

    private let queue: DatabaseQueue

    init() throws {
        queue = try DatabaseQueue()
    }

    /// The entry in `row` (selected with ``LedgerRowColumns/all``), or why it is not one.
    func entry(_ row: PostgresRow) throws -> Result<LedgerEntry, LedgerRowError> {
        var values: [DatabaseValue] = []
        values.reserveCapacity(Self.names.count)
        for (index, cell) in row.enumerated() where index < Self.names.count {
            if Self.integers[index] {
                values.append(try cell.decode(Int64?.self).databaseValue)
            } else {
                values.append(try cell.decode(String?.self).databaseValue)
            }
        }
        return try queue.inDatabase { db in
            guard let sqliteRow = try Row.fetchOne(db.cachedStatement(sql: Self.select), arguments: StatementArguments(values)) else {
                throw StoreError(.storage, "a ledger row could not be read")
            }
            return LedgerRowColumns.entry(sqliteRow)
        }
    }
}
