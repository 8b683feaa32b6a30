/// The store's tables, columns, types, keys and indexes, described once, in portable terms, and
/// written as each engine's SQL (``SQLDialect``): the SQLite store's migrations create them from
/// this description, and so does the PostgreSQL store, so the two stores cannot drift apart.
///
/// A shipped table is never changed here: its text is what its migration created (byte for byte
/// the SQL the migrations wrote out before this description existed), and a store that migration
/// made must still match it. A version that changes a table gets a new description with its version
/// as `since`, and the old one stays for the older migration (as ``ledgerV5`` beside ``ledger``).
package enum StoreLayout {
    // MARK: columns the compact ledger and its side table share

    /// A column that holds an id of `ledger_name` for `role` (version 5's `ledger` also declared the key).
    static func name(_ column: String, notNull: Bool = false, referenced: Bool) -> ColumnLayout {
        ColumnLayout(column, .integer, notNull: notNull, references: referenced ? "ledger_name(id)" : nil)
    }

    /// The columns only some kinds of entry use, by name (``LedgerDetail/columns``, in that order).
    static let detail: [String: ColumnLayout] = {
        let columns: [ColumnLayout] =
            [
                ColumnLayout("attachment_sha256", .blob),
                ColumnLayout("corrects", .integer, references: "ledger(sequence)"),
                ColumnLayout("signature", .text),
                ColumnLayout("derived_from", .integer, references: "ledger(sequence)"),
            ] + recordColumns + [ColumnLayout("registry", .text)]
        return Dictionary(uniqueKeysWithValues: columns.map { ($0.name, $0) })
    }()

    /// A record entry's columns (``RecordColumns/names``).
    static let recordColumns: [ColumnLayout] = [
        ColumnLayout("serial", .text), ColumnLayout("record_format", .text), ColumnLayout("issuer_id", .text),
        ColumnLayout("valid_from", .text), ColumnLayout("valid_until", .text), ColumnLayout("supersedes", .text),
        ColumnLayout("superseded_by", .text), ColumnLayout("checkpoint_size", .integer), ColumnLayout("checkpoint_hash", .text),
        ColumnLayout("issued_at", .text),
    ]

    /// The detail columns named in `names` (a comma-separated list), in its order.
    static func detail(_ names: String) -> [ColumnLayout] {
        names.components(separatedBy: ", ").compactMap { detail[$0] }
    }

    // MARK: the registry's tables (version 1, the record migrations and version 6)

    static let curriculum = TableLayout(
        "curriculum", since: 1,
        [
            ColumnLayout("code", .text, notNull: true), ColumnLayout("version", .text, notNull: true),
            ColumnLayout("sha256", .text, notNull: true), ColumnLayout("xml", .blob, notNull: true),
            ColumnLayout("published_at", .text, notNull: true),
        ], primaryKey: ["code", "version"])

    static let organisation = TableLayout(
        "organisation", since: 1, [ColumnLayout("rfc", .text, primaryKey: true), ColumnLayout("name", .text, notNull: true)])

    static let site = TableLayout(
        "site", since: 1,
        [
            ColumnLayout("organisation_rfc", .text, notNull: true, references: "organisation(rfc)"),
            ColumnLayout("name", .text, notNull: true),
        ], primaryKey: ["organisation_rfc", "name"])

    static let trainee = TableLayout(
        "trainee", since: 1,
        [
            ColumnLayout("id", .text, primaryKey: true), ColumnLayout("paternal_surname", .text, notNull: true),
            ColumnLayout("maternal_surname", .text, notNull: true), ColumnLayout("given_names", .text, notNull: true),
            ColumnLayout("curp", .text, notNull: true, unique: true),
            ColumnLayout("employer_rfc", .text, notNull: true, references: "organisation(rfc)"),
            ColumnLayout("occupation", .text, notNull: true), ColumnLayout("job_title", .text, notNull: true),
        ])

    static let assessor = TableLayout(
        "assessor", since: 1,
        [
            ColumnLayout("id", .text, primaryKey: true), ColumnLayout("name", .text, notNull: true),
            ColumnLayout("accreditation", .text, notNull: true), ColumnLayout("public_key", .text, notNull: true),
        ])

    static let assessorUnit = TableLayout(
        "assessor_unit", since: 1,
        [
            ColumnLayout("assessor_id", .text, notNull: true, references: "assessor(id)"),
            ColumnLayout("unit_code", .text, notNull: true),
        ], primaryKey: ["assessor_id", "unit_code"])

    /// The record migrations' first (shipped with the separate record registry, before numbered versions).
    static let issuer = TableLayout(
        "issuer", since: 1,
        [
            ColumnLayout("id", .text, primaryKey: true), ColumnLayout("name", .text, notNull: true),
            ColumnLayout("rfc", .text, notNull: true), ColumnLayout("stps_registration", .text),
            ColumnLayout("public_key", .text, notNull: true),
        ])

    static let recordSerial = TableLayout(
        "record_serial", since: 3, [ColumnLayout("year", .integer, primaryKey: true), ColumnLayout("last", .integer, notNull: true)])

    static let recordArtifact = TableLayout(
        "record_artifact", since: 3, [ColumnLayout("serial", .text, primaryKey: true), ColumnLayout("bytes", .blob, notNull: true)])

    static let curriculumLifecycle = TableLayout(
        "curriculum_lifecycle", since: 6,
        [
            ColumnLayout("code", .text, notNull: true), ColumnLayout("version", .text, notNull: true),
            ColumnLayout("status", .text, notNull: true), ColumnLayout("successor", .text), ColumnLayout("since", .text, notNull: true),
            ColumnLayout("reason", .text),
        ], primaryKey: ["code", "version"], foreignKeys: [(["code", "version"], "curriculum(code, version)")])

    // MARK: the ledger

    /// `ledger_name` (versions 5 and 8 alike: version 8 only renumbered its ids).
    package static let ledgerName = TableLayout(
        "ledger_name", since: 5,
        [
            ColumnLayout("id", .integer, primaryKey: true), ColumnLayout("role", .integer, notNull: true),
            ColumnLayout("value", .text, notNull: true),
        ], unique: [["role", "value"]])

    /// The compact `ledger` of version 5 (``CompactLedgerRow``): every column, the ids declared as keys.
    static let ledgerV5 = TableLayout(
        "ledger", since: 5,
        [
            ColumnLayout("sequence", .integer, primaryKey: true), ColumnLayout("kind", .integer, notNull: true),
            name("trainee", referenced: true), name("curriculum_code", referenced: true), name("curriculum_version", referenced: true),
            name("unit", referenced: true), name("target", referenced: true), ColumnLayout("method", .integer),
            ColumnLayout("outcome", .integer), name("date", notNull: true, referenced: true), name("site", referenced: true),
            ColumnLayout("minutes", .integer), ColumnLayout("note", .text),
        ] + detail("attachment_sha256") + [name("assessor", referenced: true)] + detail("corrects")
            + [name("recorded_at", notNull: true, referenced: true), ColumnLayout("hash", .blob, notNull: true)]
            + detail("signature, derived_from, " + RecordColumns.names + ", registry"))

    /// The `ledger` of version 8 (``LedgerDetail``): the columns most entries use, no declared keys.
    package static let ledger = TableLayout(
        "ledger", since: 8,
        [
            ColumnLayout("sequence", .integer, primaryKey: true), ColumnLayout("kind", .integer, notNull: true),
            name("trainee", referenced: false), name("curriculum_code", referenced: false),
            name("curriculum_version", referenced: false), name("unit", referenced: false), name("target", referenced: false),
            ColumnLayout("method", .integer), ColumnLayout("outcome", .integer), name("date", notNull: true, referenced: false),
            name("site", referenced: false), ColumnLayout("minutes", .integer), ColumnLayout("note", .text),
            name("assessor", referenced: false), name("recorded_at", notNull: true, referenced: false),
            ColumnLayout("hash", .blob, notNull: true),
        ])

    /// `ledger_detail` (version 8): the entry's sequence and kind, then the columns only some kinds use.
    package static let ledgerDetail = TableLayout(
        "ledger_detail", since: 8,
        [
            ColumnLayout("sequence", .integer, primaryKey: true, references: "ledger(sequence)"),
            ColumnLayout("kind", .integer, notNull: true),
        ] + detail(LedgerDetail.columns))

    /// The indexes of version 8 (``LedgerDetail/indexes()``). An SQLite index ends with the rowid, the
    /// sequence, already: `(kind)` and `(serial)` keep the order `(kind, sequence)` and `(serial, sequence)`.
    package static var ledgerIndexes: [IndexLayout] {
        [
            IndexLayout("ledger_by_trainee", on: "ledger", "trainee"),
            IndexLayout("ledger_by_kind", on: "ledger", "kind", where: "kind <> \(LedgerCodes.code(.evidence))"),
            IndexLayout("ledger_by_serial", on: "ledger_detail", "serial", where: "serial IS NOT NULL"),
            IndexLayout("ledger_by_attachment", on: "ledger_detail", "attachment_sha256", where: "attachment_sha256 IS NOT NULL"),
            IndexLayout("ledger_one_issue", on: "ledger_detail", "serial", unique: true, where: "kind = \(LedgerCodes.code(.issue))"),
            IndexLayout(
                "ledger_one_revocation", on: "ledger_detail", "serial", unique: true, where: "kind = \(LedgerCodes.code(.revocation))"),
            IndexLayout(
                "ledger_one_supersession", on: "ledger_detail", "serial", unique: true,
                where: "kind = \(LedgerCodes.code(.supersession))"),
        ]
    }

    // MARK: the store as this veta writes it

    /// Every table of the current schema version, in an order that creates each before a table that refers to it.
    static let tables: [TableLayout] = [
        curriculum, organisation, site, trainee, assessor, assessorUnit, issuer, recordSerial, recordArtifact, ledgerName, ledger,
        ledgerDetail, curriculumLifecycle,
    ]

    /// The statements that create the current layout on `dialect`: tables, indexes and the view
    /// `ledger_entry` (each engine adds its own append-only guards).
    package static func statements(_ dialect: SQLDialect) -> [String] {
        tables.map { $0.create(dialect) } + ledgerIndexes.map { $0.create(dialect) } + [RegistrySubject.createIndex(dialect)]
            + [CompactLedgerRow.view(detail: true, dialect: dialect)]
    }

    /// The tables the engines guard as append-only: the log and the published curricula.
    package static let appendOnly = ["ledger", "ledger_name", "ledger_detail", "curriculum"]
}
