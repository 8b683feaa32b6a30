import VetaProgress

/// The PostgreSQL store's schema: the SQLite store's tables of its current schema version, written
/// from the same portable description (``StoreLayout``) in PostgreSQL's words (BIGINT for SQLite's
/// 64-bit INTEGER, BYTEA for BLOB), plus `veta_schema`, which marks a database as a Veta store and
/// holds its PostgreSQL schema version (its rows: one per version the store has had).
///
/// The log is append-only in the database itself: triggers refuse UPDATE, DELETE and TRUNCATE on
/// `ledger`, `ledger_name`, `ledger_detail` and `curriculum`, whoever asks; and the role the
/// application connects as needs no UPDATE or DELETE on them (README, "Central store on PostgreSQL",
/// lists the GRANTs).
enum PostgresSchema {
    /// The schema version this veta creates and reads: 3, the SQLite store's version 10 layout
    /// (version 2's and the index on a registry entry's subject, ``RegistrySubject``). Version 2 had
    /// the SQLite store's version 8 layout (`ledger_detail`, names numbered per role); version 1
    /// that of SQLite's version 7.
    static let version: Int64 = 3

    /// The key of the advisory lock every write transaction takes first (`pg_advisory_xact_lock`):
    /// appends to the log, and the checks made before them, run one at a time.
    static let appendLock: Int64 = 0x7665_7461_6c6f_6700  // "vetalog\0"

    /// The statements that create the store, in order (each run alone: the extended protocol takes one statement at a time).
    static var statements: [String] {
        ["CREATE TABLE veta_schema (version BIGINT NOT NULL)", guardFunction] + StoreLayout.statements(.postgresql)
            + StoreLayout.appendOnly.flatMap(guards) + ["INSERT INTO veta_schema (version) VALUES (\(version))"]
    }

    /// The function every append-only trigger runs: it refuses the change.
    static let guardFunction = """
        CREATE FUNCTION veta_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
        END
        $$
        """

    /// The triggers that keep `table` append-only: no UPDATE or DELETE of a row, no TRUNCATE.
    static func guards(_ table: String) -> [String] {
        [
            "CREATE TRIGGER \(table)_append_only BEFORE UPDATE OR DELETE ON \(table) FOR EACH ROW EXECUTE FUNCTION veta_append_only()",
            "CREATE TRIGGER \(table)_no_truncate BEFORE TRUNCATE ON \(table) FOR EACH STATEMENT EXECUTE FUNCTION veta_append_only()",
        ]
    }
}
