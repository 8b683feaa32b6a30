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
enum LedgerDetail {
    static let identifier = "v8 ledger detail side table"

    /// The columns that moved to `ledger_detail`, after `sequence` and `kind`, in order.
    static let columns = "attachment_sha256, corrects, signature, derived_from, " + RecordColumns.names + ", registry"

    /// The columns `ledger` keeps, in order.
    static let ledgerColumns =
        "sequence, kind, trainee, curriculum_code, curriculum_version, unit, target, method, outcome, date, site, minutes, note, "
        + "assessor, recorded_at, hash"

    static let tables = """
        CREATE TABLE ledger_compact (
            sequence INTEGER PRIMARY KEY,
            kind INTEGER NOT NULL,
            trainee INTEGER,
            curriculum_code INTEGER,
            curriculum_version INTEGER,
            unit INTEGER,
            target INTEGER,
            method INTEGER,
            outcome INTEGER,
            date INTEGER NOT NULL,
            site INTEGER,
            minutes INTEGER,
            note TEXT,
            assessor INTEGER,
            recorded_at INTEGER NOT NULL,
            hash BLOB NOT NULL
        );
        CREATE TABLE ledger_detail (
            sequence INTEGER PRIMARY KEY REFERENCES ledger(sequence),
            kind INTEGER NOT NULL,
            attachment_sha256 BLOB,
            corrects INTEGER REFERENCES ledger(sequence),
            signature TEXT,
            derived_from INTEGER REFERENCES ledger(sequence),
            serial TEXT,
            record_format TEXT,
            issuer_id TEXT,
            valid_from TEXT,
            valid_until TEXT,
            supersedes TEXT,
            superseded_by TEXT,
            checkpoint_size INTEGER,
            checkpoint_hash TEXT,
            issued_at TEXT,
            registry TEXT
        );
        CREATE TABLE ledger_name_numbered (
            id INTEGER PRIMARY KEY,
            role INTEGER NOT NULL,
            value TEXT NOT NULL,
            UNIQUE (role, value)
        );
        """

    /// Copies the version 5 tables into the version 8 ones (names renumbered per role, values and
    /// hashes as stored), then puts the new tables in their place.
    static func move() -> String {
        let moved = LedgerCodes.Role.allCases.reduce(ledgerColumns.components(separatedBy: ", ").map { "l.\($0)" }) { columns, role in
            columns.map { $0 == "l.\(role.column)" ? "(SELECT m.new FROM name_number m WHERE m.old = l.\(role.column))" : $0 }
        }
        let anyDetail = columns.components(separatedBy: ", ").map { "\($0) IS NOT NULL" }.joined(separator: " OR ")
        return """
            CREATE TEMP TABLE name_number (old INTEGER PRIMARY KEY, new INTEGER NOT NULL);
            INSERT INTO name_number (old, new)
                SELECT id, 16 * ROW_NUMBER() OVER (PARTITION BY role ORDER BY id) + role FROM ledger_name;
            INSERT INTO ledger_name_numbered (id, role, value)
                SELECT m.new, n.role, n.value FROM ledger_name n JOIN name_number m ON m.old = n.id ORDER BY m.new;
            INSERT INTO ledger_compact (\(ledgerColumns)) SELECT \(moved.joined(separator: ", ")) FROM ledger l ORDER BY l.sequence;
            INSERT INTO ledger_detail (sequence, kind, \(columns))
                SELECT sequence, kind, \(columns) FROM ledger WHERE \(anyDetail) ORDER BY sequence;
            DROP TABLE name_number;
            DROP TABLE ledger;
            DROP TABLE ledger_name;
            ALTER TABLE ledger_compact RENAME TO ledger;
            ALTER TABLE ledger_name_numbered RENAME TO ledger_name;
            """
    }

    /// Indexes and the SQLite store's append-only triggers (``CompactLedgerRow/indexes()``, with the
    /// serial and attachment indexes on `ledger_detail`). An index ends with the rowid, the
    /// sequence, already: `(kind)` and `(serial)` keep the order `(kind, sequence)` and
    /// `(serial, sequence)` had without storing the sequence twice.
    static func indexes() -> String {
        let issue = LedgerCodes.code(.issue)
        let revocation = LedgerCodes.code(.revocation)
        let supersession = LedgerCodes.code(.supersession)
        let appendOnly = [("ledger", "ledger entries"), ("ledger_name", "ledger names"), ("ledger_detail", "ledger entries")]
            .map { table, what in
                """
                CREATE TRIGGER \(table)_append_only_update BEFORE UPDATE ON \(table)
                    BEGIN SELECT RAISE(ABORT, '\(what) are append-only'); END;
                CREATE TRIGGER \(table)_append_only_delete BEFORE DELETE ON \(table)
                    BEGIN SELECT RAISE(ABORT, '\(what) are append-only'); END;
                """
            }
        return """
            CREATE INDEX ledger_by_trainee ON ledger(trainee);
            CREATE INDEX ledger_by_kind ON ledger(kind) WHERE kind <> \(LedgerCodes.code(.evidence));
            CREATE INDEX ledger_by_serial ON ledger_detail(serial) WHERE serial IS NOT NULL;
            CREATE INDEX ledger_by_attachment ON ledger_detail(attachment_sha256) WHERE attachment_sha256 IS NOT NULL;
            CREATE UNIQUE INDEX ledger_one_issue ON ledger_detail(serial) WHERE kind = \(issue);
            CREATE UNIQUE INDEX ledger_one_revocation ON ledger_detail(serial) WHERE kind = \(revocation);
            CREATE UNIQUE INDEX ledger_one_supersession ON ledger_detail(serial) WHERE kind = \(supersession);
            \(appendOnly.joined(separator: "\n"))
            """
    }

    static let insertSQL =
        "INSERT INTO ledger (\(ledgerColumns)) VALUES (" + Array(repeating: "?", count: 16).joined(separator: ", ") + ")"

    static let insertDetailSQL =
        "INSERT INTO ledger_detail (sequence, kind, \(columns)) VALUES ("
        + Array(repeating: "?", count: 7 + RecordColumns.count).joined(separator: ", ") + ")"
}
