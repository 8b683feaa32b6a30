package import Foundation

/// The compact ledger of schema version 5: the table `ledger` (integer keys, enum codes, 32-byte
/// BLOB hashes, no previous-hash column: an entry's previous hash is the hash of the entry before
/// it; the target, the recording time and the date, shared by many entries, are ids too), the name table `ledger_name` its ids point into, and the view `ledger_entry` that reads it
/// back in the columns and text of version 4 (``LedgerRow/columns``).
///
/// Plain INTEGER, TEXT and BLOB columns, primary, foreign and partial unique keys, and a view of
/// joins and `CASE`s: a PostgreSQL store creates the same (`encode(hash, 'hex')` for SQLite's
/// `lower(hex(hash))`, BYTEA for BLOB). The append-only triggers are the SQLite store's own.
package enum CompactLedgerRow {
    /// `ledger_name` and `ledger` as version 5 created them (``StoreLayout/ledgerName``, ``StoreLayout/ledgerV5``).
    static var tables: String {
        [StoreLayout.ledgerName, StoreLayout.ledgerV5].map { $0.create(.sqlite) + ";\n" }.joined()
    }

    /// Indexes (partial where most rows would hold NULL, or are evidence, which is read by trainee)
    /// and the SQLite store's append-only triggers. The entries of a curriculum (a cohort: most of
    /// the log) are read in one pass over the table, with no index of their own.
    static func indexes() -> String {
        let issue = LedgerCodes.code(.issue)
        let revocation = LedgerCodes.code(.revocation)
        let supersession = LedgerCodes.code(.supersession)
        return """
            CREATE INDEX ledger_by_trainee ON ledger(trainee);
            CREATE INDEX ledger_by_kind ON ledger(kind, sequence) WHERE kind <> \(LedgerCodes.code(.evidence));
            CREATE INDEX ledger_by_serial ON ledger(serial, sequence) WHERE serial IS NOT NULL;
            CREATE INDEX ledger_by_attachment ON ledger(attachment_sha256) WHERE attachment_sha256 IS NOT NULL;
            CREATE UNIQUE INDEX ledger_one_issue ON ledger(serial) WHERE kind = \(issue);
            CREATE UNIQUE INDEX ledger_one_revocation ON ledger(serial) WHERE kind = \(revocation);
            CREATE UNIQUE INDEX ledger_one_supersession ON ledger(serial) WHERE kind = \(supersession);
            CREATE TRIGGER ledger_append_only_update BEFORE UPDATE ON ledger
                BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;
            CREATE TRIGGER ledger_append_only_delete BEFORE DELETE ON ledger
                BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;
            CREATE TRIGGER ledger_name_append_only_update BEFORE UPDATE ON ledger_name
                BEGIN SELECT RAISE(ABORT, 'ledger names are append-only'); END;
            CREATE TRIGGER ledger_name_append_only_delete BEFORE DELETE ON ledger_name
                BEGIN SELECT RAISE(ABORT, 'ledger names are append-only'); END;
            """
    }

    package static let insertSQL =
        "INSERT INTO ledger (sequence, kind, trainee, curriculum_code, curriculum_version, unit, target, method, outcome, date, site, "
        + "minutes, note, attachment_sha256, assessor, corrects, recorded_at, hash, signature, derived_from, " + RecordColumns.names
        + ", registry) VALUES (" + Array(repeating: "?", count: 21 + RecordColumns.count).joined(separator: ", ") + ")"

    /// The view `ledger_entry`: every entry in ``LedgerRow/columns`` (names for codes and ids, hex
    /// for hashes), plus `problem`, which names a stored value the view cannot read back (an unknown
    /// code, an id `ledger_name` does not have, a hash that is not 32 bytes), and `kind_code`, the
    /// stored kind, for conditions that use its index. With `detail` (schema version 8 on), the
    /// columns only some kinds use are read from the side table `ledger_detail` (``LedgerDetail``).
    /// The view is written for `dialect`: PostgreSQL's `encode(hash, 'hex')` for SQLite's `lower(hex(hash))`.
    package static func view(detail: Bool = false, dialect: SQLDialect = .sqlite) -> String {
        let genesis = "'" + LedgerEntry.genesisHash + "'"
        let joins = LedgerCodes.Role.allCases.map { role in
            "LEFT JOIN ledger_name n_\(role.column) ON n_\(role.column).id = l.\(role.column) AND n_\(role.column).role = \(role.rawValue)"
        }
        let kind = LedgerCodes.names(LedgerCodes.kinds, of: "l.kind")
        let method = LedgerCodes.names(LedgerCodes.methods, of: "l.method")
        let outcome = LedgerCodes.names(LedgerCodes.outcomes, of: "l.outcome")
        var problems = [
            "WHEN (\(kind)) IS NULL THEN 'kind holds ' || COALESCE(\(dialect.text("l.kind")), 'NULL') || ', which is the code of no kind of entry'",
            "WHEN l.method IS NOT NULL AND (\(method)) IS NULL THEN 'method holds ' || l.method || ', which is the code of no method'",
            "WHEN l.outcome IS NOT NULL AND (\(outcome)) IS NULL THEN 'outcome holds ' || l.outcome || ', which is the code of no outcome'",
        ]
        problems += LedgerCodes.Role.allCases.map { role in
            "WHEN l.\(role.column) IS NOT NULL AND n_\(role.column).id IS NULL THEN '\(role.column) holds id ' || l.\(role.column) "
                + "|| ', which ledger_name does not have as a \(role.column.replacingOccurrences(of: "_", with: " "))'"
        }
        // The side table of version 8 (`d`) or the columns of `ledger` itself (`l`).
        let d = detail ? "d" : "l"
        problems += [
            "WHEN l.hash IS NULL OR length(l.hash) <> 32 THEN 'hash is ' || COALESCE(length(l.hash), 0) || ' bytes long, not 32'",
            "WHEN length(\(d).attachment_sha256) <> 32 THEN 'attachment_sha256 is ' || length(\(d).attachment_sha256) || ' bytes long, not 32'",
        ]
        if detail {
            problems.append(
                "WHEN d.sequence IS NOT NULL AND (d.kind IS NULL OR d.kind <> l.kind) THEN 'ledger_detail gives kind ' "
                    + "|| COALESCE(\(dialect.text("d.kind")), 'NULL') || ' where ledger has ' || l.kind")
        }
        return """
            CREATE VIEW ledger_entry AS SELECT
                l.sequence AS sequence, \(kind) AS kind, n_trainee.value AS trainee_id, n_curriculum_code.value AS curriculum_code,
                n_curriculum_version.value AS curriculum_version, n_unit.value AS unit_code, n_target.value AS target,
                \(method) AS method, \(outcome) AS outcome, n_date.value AS date, n_site.value AS site, l.minutes AS minutes, l.note AS note,
                CASE WHEN \(d).attachment_sha256 IS NULL THEN NULL ELSE \(dialect.hex("\(d).attachment_sha256")) END AS attachment_sha256,
                n_assessor.value AS assessor_id, \(d).corrects AS corrects, n_recorded_at.value AS recorded_at,
                COALESCE((SELECT \(dialect.hex("p.hash")) FROM ledger p WHERE p.sequence = l.sequence - 1), \(genesis)) AS previous_hash,
                \(dialect.hex("l.hash")) AS hash, \(d).signature AS signature, \(d).derived_from AS derived_from, \(d).serial AS serial,
                \(d).record_format AS record_format, \(d).issuer_id AS issuer_id, \(d).valid_from AS valid_from, \(d).valid_until AS valid_until,
                \(d).supersedes AS supersedes, \(d).superseded_by AS superseded_by, \(d).checkpoint_size AS checkpoint_size,
                \(d).checkpoint_hash AS checkpoint_hash, \(d).issued_at AS issued_at, \(d).registry AS registry,
                CASE \(problems.joined(separator: " ")) END AS problem,
                l.kind AS kind_code
            FROM ledger l
            \(detail ? "LEFT JOIN ledger_detail d ON d.sequence = l.sequence" : "")
            \(joins.joined(separator: "\n"))
            """
    }

    /// The 32 bytes written as `hex` (64 lowercase hex digits), or nil.
    package static func bytes(_ hex: String) -> Data? {
        let digits = Array(hex.utf8)
        guard digits.count == 64 else { return nil }
        func value(_ digit: UInt8) -> UInt8? {
            switch digit {
            case 0x30...0x39: digit - 0x30
            case 0x61...0x66: digit - 0x61 + 10
            default: nil
            }
        }
        var data = Data(capacity: 32)
        for index in stride(from: 0, to: 64, by: 2) {
            guard let high = value(digits[index]), let low = value(digits[index + 1]) else { return nil }
            data.append(high << 4 | low)
        }
        return data
    }
}
