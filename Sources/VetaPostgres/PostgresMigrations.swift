import PostgresNIO
import VetaProgress

/// Brings a PostgreSQL store of an older schema version (``PostgresSchema/version``) up to this
/// veta's, inside the write transaction that holds the append lock: all of it, or nothing.
///
/// Version 2 is the SQLite store's version 8 layout: the columns only some kinds of entry use move
/// to `ledger_detail` and the names of `ledger_name` are numbered per role, by the very statements
/// SQLite's migration runs (``LedgerDetail/copy(from:names:into:numbered:dialect:)``). Every stored
/// value moves as it is stored, so what is hashed does not change and every hash still verifies.
enum PostgresMigrations {
    /// Migrates the store from `version` to ``PostgresSchema/version``.
    static func migrate(from version: Int64, _ connection: PostgresConnection) async throws {
        guard version < PostgresSchema.version else { return }
        if let row = try await connection.rows(
            "SELECT sequence, problem FROM ledger_entry WHERE problem IS NOT NULL ORDER BY sequence LIMIT 1"
        ).first {
            let (sequence, problem) = try row.decode((Int64, String).self)
            throw Refusal(
                "the store cannot move to schema version \(PostgresSchema.version): entry \(sequence) is not stored exactly "
                    + "(\(problem)); nothing was changed",
                reasons: ["run `veta ledger verify` and restore the database from a backup that verifies"])
        }
        if version < 2 { for statement in toVersion2 { try await connection.run(statement) } }
        for statement in toVersion3 { try await connection.run(statement) }
    }

    /// Version 2 to 3: the index on a registry entry's subject (``RegistrySubject``); nothing stored changes.
    static var toVersion3: [String] {
        [RegistrySubject.createIndex(.postgresql), "INSERT INTO veta_schema (version) VALUES (3)"]
    }

    /// Version 1 to 2: the old tables step aside (their indexes dropped, their keys renamed: index
    /// names are the schema's), the version 8 tables take their names, the rows move, the old tables go.
    static var toVersion2: [String] {
        let indexes = [
            "ledger_by_trainee", "ledger_by_kind", "ledger_by_serial", "ledger_by_attachment", "ledger_one_issue", "ledger_one_revocation",
            "ledger_one_supersession",
        ]
        return ["DROP VIEW ledger_entry"] + indexes.map { "DROP INDEX \($0)" }
            + [
                "ALTER TABLE ledger RENAME TO ledger_v1", "ALTER TABLE ledger_v1 RENAME CONSTRAINT ledger_pkey TO ledger_v1_pkey",
                "ALTER TABLE ledger_name RENAME TO ledger_name_v1",
                "ALTER TABLE ledger_name_v1 RENAME CONSTRAINT ledger_name_pkey TO ledger_name_v1_pkey",
                "ALTER TABLE ledger_name_v1 RENAME CONSTRAINT ledger_name_role_value_key TO ledger_name_v1_role_value_key",
                StoreLayout.ledgerName.create(.postgresql), StoreLayout.ledger.create(.postgresql),
                StoreLayout.ledgerDetail.create(.postgresql),
            ]
            + LedgerDetail.copy(from: "ledger_v1", names: "ledger_name_v1", into: "ledger", numbered: "ledger_name", dialect: .postgresql)
            + ["DROP TABLE ledger_v1", "DROP TABLE ledger_name_v1"] + StoreLayout.ledgerIndexes.map { $0.create(.postgresql) }
            + [CompactLedgerRow.view(detail: true, dialect: .postgresql)]
            + ["ledger", "ledger_name", "ledger_detail"].flatMap(PostgresSchema.guards)
            + ["INSERT INTO veta_schema (version) VALUES (2)"]
    }
}
