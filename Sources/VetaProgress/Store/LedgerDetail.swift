import Foundation

/// The ledger of schema version 8: `ledger` keeps the columns most entries use (evidence is most of
/// the log), and the side table `ledger_detail`, keyed by the entry's sequence, holds the columns
/// only some kinds use (an attachment, the entry corrected, a signature, the entry a migration
/// carried over, the record columns, the registry data). An entry with none of them has no
/// `ledger_detail` row. SQLite stores a header byte for every column of a row, NULL ones included,
/// so these columns cost every evidence row about 15 bytes while they sat in `ledger`.
///
/// `ledger_detail` repeats the entry's kind: the partial unique indexes that keep one issue, one
/// revocation and one supersession per serial need it in their own table (in SQLite as in
/// PostgreSQL); the view `ledger_entry` (``CompactLedgerRow/view(detail:)``) reads the kind from
/// `ledger` and names a detail row whose kind differs as a problem.
///
/// Names in `ledger_name` are numbered per role: the `n`th name of role `r` has id `16 × n + r`, so
/// that the ids of roles with few names (units, targets, dates, sites, assessors) stay small however
/// many trainees the store holds (SQLite stores an integer below 128 in one byte, below 32,768 in two).
package enum LedgerDetail {
    static let identifier = "v8 ledger detail side table"

    /// The columns that moved to `ledger_detail`, after `sequence` and `kind`, in order.
    static let columns = "attachment_sha256, corrects, signature, derived_from, " + RecordColumns.names + ", registry"

    /// The columns `ledger` keeps, in order.
    static var ledgerColumns: String { StoreLayout.ledger.columnNames }

    /// The version 8 tables, built beside the version 5 ones (``StoreLayout/ledger``,
    /// ``StoreLayout/ledgerDetail``, ``StoreLayout/ledgerName``) until ``move()`` puts them in their place.
    static var tables: String {
        [
            StoreLayout.ledger.create(.sqlite, as: "ledger_compact"), StoreLayout.ledgerDetail.create(.sqlite),
            StoreLayout.ledgerName.create(.sqlite, as: "ledger_name_numbered"),
        ].map { $0 + ";\n" }.joined()
    }

    /// Copies the version 5 tables into the version 8 ones (names renumbered per role, values and
    /// hashes as stored), then puts the new tables in their place.
    static func move() -> String {
        (copy(from: "ledger", names: "ledger_name", into: "ledger_compact", numbered: "ledger_name_numbered", dialect: .sqlite) + [
            "DROP TABLE ledger", "DROP TABLE ledger_name", "ALTER TABLE ledger_compact RENAME TO ledger",
            "ALTER TABLE ledger_name_numbered RENAME TO ledger_name",
        ]).map { $0 + ";\n" }.joined()
    }

    /// The statements that copy the version 5 tables `ledger` and `names` into the version 8 tables
    /// `into`, `numbered` and `ledger_detail` (names renumbered per role, values and hashes as stored),
    /// each alone, for either engine (a PostgreSQL store of the version 5 layout moves the same way).
    package static func copy(
        from ledger: String, names: String, into newLedger: String, numbered newNames: String, dialect: SQLDialect
    ) -> [String] {
        let moved = LedgerCodes.Role.allCases.reduce(ledgerColumns.components(separatedBy: ", ").map { "l.\($0)" }) { columns, role in
            columns.map { $0 == "l.\(role.column)" ? "(SELECT m.new FROM name_number m WHERE m.old = l.\(role.column))" : $0 }
        }
        let anyDetail = columns.components(separatedBy: ", ").map { "\($0) IS NOT NULL" }.joined(separator: " OR ")
        let integer = dialect.name(.integer)
        return [
            "CREATE TEMP TABLE name_number (old \(integer) PRIMARY KEY, new \(integer) NOT NULL)",
            """
            INSERT INTO name_number (old, new)
                SELECT id, 16 * ROW_NUMBER() OVER (PARTITION BY role ORDER BY id) + role FROM \(names)
            """,
            """
            INSERT INTO \(newNames) (id, role, value)
                SELECT m.new, n.role, n.value FROM \(names) n JOIN name_number m ON m.old = n.id ORDER BY m.new
            """,
            "INSERT INTO \(newLedger) (\(ledgerColumns)) SELECT \(moved.joined(separator: ", ")) FROM \(ledger) l ORDER BY l.sequence",
            """
            INSERT INTO ledger_detail (sequence, kind, \(columns))
                SELECT sequence, kind, \(columns) FROM \(ledger) WHERE \(anyDetail) ORDER BY sequence
            """,
            "DROP TABLE name_number",
        ]
    }

    /// Indexes (``StoreLayout/ledgerIndexes``) and the SQLite store's append-only triggers.
    static func indexes() -> String {
        let appendOnly = [("ledger", "ledger entries"), ("ledger_name", "ledger names"), ("ledger_detail", "ledger entries")]
            .map { table, what in
                """
                CREATE TRIGGER \(table)_append_only_update BEFORE UPDATE ON \(table)
                    BEGIN SELECT RAISE(ABORT, '\(what) are append-only'); END;
                CREATE TRIGGER \(table)_append_only_delete BEFORE DELETE ON \(table)
                    BEGIN SELECT RAISE(ABORT, '\(what) are append-only'); END;
                """
            }
        return StoreLayout.ledgerIndexes.map { $0.create(.sqlite) + ";\n" }.joined() + appendOnly.joined(separator: "\n")
    }

    /// The id of the next name of a role whose highest id is `highest` (0 when it has none): `16 × n + role`.
    package static func nextID(after highest: Int64, role: LedgerCodes.Role) -> Int64 {
        (max(highest, 0) / 16 + 1) * 16 + Int64(role.rawValue)
    }

    package static let insertSQL =
        "INSERT INTO ledger (\(ledgerColumns)) VALUES (" + Array(repeating: "?", count: 16).joined(separator: ", ") + ")"

    package static let insertDetailSQL =
        "INSERT INTO ledger_detail (sequence, kind, \(columns)) VALUES ("
        + Array(repeating: "?", count: 7 + RecordColumns.count).joined(separator: ", ") + ")"

    /// Whether `entry` has a `ledger_detail` row: an attachment, a correction, a signature, an entry
    /// it was carried over from, record details or registry details (an entry with none has no row).
    package static func hasDetail(_ entry: LedgerEntry) -> Bool {
        entry.attachmentSHA256 != nil || entry.corrects != nil || entry.signature != nil || entry.derivedFrom != nil
            || (entry.kind.isRecord && entry.record != nil) || entry.kind.isRegistry
    }
}
