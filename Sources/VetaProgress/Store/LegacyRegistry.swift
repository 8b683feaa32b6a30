import GRDB
import VetaCurricula

/// Moves the registry that preceded the log (the rows of `organisation`, `site`, `trainee`,
/// `assessor`, `assessor_unit`, `issuer` and `curriculum`) into the log, once, when a store is
/// migrated: each row becomes a registration entry marked as migrated (``RegistryDetails/isMigrated``:
/// the field `migrated` names its table), dated the day of the migration; each assessor unit an
/// authorisation dated the earliest date in the log (the tables did not say since when), so the
/// evidence and sign-offs already in the log stay authorised. The entries are chained after the last
/// entry like any other, so every earlier hash stays; the tables are then their projection.
enum LegacyRegistry {
    static func append(_ db: Database, recordedAt: String) throws {
        let today = RegistryLog.day(recordedAt)
        let earliest = try String.fetchOne(db, sql: "SELECT MIN(date) FROM ledger_entry").flatMap(CalendarDate.init)
        let since = min(earliest ?? today, today)
        let tables = try RegistryTables.read(db)
        var entries: [LedgerEntry] = []
        func migrated(_ kind: LedgerEntry.Kind, _ table: String, _ rows: [String: [String: String]]) {
            for (subject, fields) in rows.sorted(by: { $0.key < $1.key }) {
                entries.append(.registry(kind, subject: subject, fields: fields.merging(["migrated": table]) { $1 }, date: today))
            }
        }
        migrated(.organisation, "organisation", tables.organisations)
        migrated(.issuer, "issuer", tables.issuers)
        migrated(.assessor, "assessor", tables.assessors)
        for (id, units) in tables.units.sorted(by: { $0.key < $1.key }) {
            for unit in units.sorted() {
                entries.append(
                    .registry(.authorisation, subject: id, fields: ["migrated": "assessor_unit"], date: since, unit: UnitCode(unit)))
            }
        }
        migrated(.trainee, "trainee", tables.trainees)
        for (ref, row) in tables.curricula.sorted(by: { $0.key < $1.key }) {
            entries.append(.registry(.publication, subject: ref, fields: ["migrated": "curriculum"], date: today, sha256: row.sha256))
        }
        try RegistryLog.append(entries, in: db, recordedAt: recordedAt)
    }
}
