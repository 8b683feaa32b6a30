import GRDB
import VetaCurricula

/// Moves the rows of the registry that preceded the log (`issued_record`, `record_event`) into the
/// log, once, when a store is migrated: each record becomes an ``LedgerEntry/Kind/issue`` entry
/// carrying its original issue time (``RecordDetails/issuedAt``, which marks it as migrated; it has
/// no issuer signature), then each event a revocation or supersession entry, in the order they were
/// written. The entries are chained after the last entry like any other, so every earlier hash stays.
enum LegacyRecords {
    static func append(_ db: Database, recordedAt: String) throws {
        var entries: [LedgerEntry] = []
        for row in try Row.fetchAll(db, sql: "SELECT * FROM issued_record ORDER BY rowid") {
            let serial: String = row["serial"] ?? ""
            guard let version = (row["curriculum_version"] as String?).flatMap(SemanticVersion.init),
                let validFrom = (row["valid_from"] as String?).flatMap(CalendarDate.init)
            else { throw StoreError(.storage, "the registry's record \(serial) cannot be read; the store was not migrated") }
            let issuedAt: String = row["issued_at"] ?? ""
            var entry = LedgerEntry(
                kind: .issue, trainee: TraineeID(row["trainee_id"] ?? ""),
                curriculum: CurriculumRef(code: CurriculumCode(row["curriculum_code"] ?? ""), version: version),
                date: CalendarDate(String(issuedAt.prefix(10))) ?? validFrom, unit: (row["unit_code"] as String?).map(UnitCode.init),
                attachmentSHA256: row["sha256"])
            entry.record = RecordDetails(
                serial: serial, format: row["format"], issuer: row["issuer_id"], validFrom: validFrom,
                validUntil: (row["valid_until"] as String?).flatMap(CalendarDate.init), supersedes: row["supersedes"],
                issuedAt: issuedAt)
            entries.append(entry)
        }
        let issues = Dictionary(entries.map { ($0.record?.serial ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        for row in try Row.fetchAll(db, sql: "SELECT * FROM record_event ORDER BY rowid") {
            let serial: String = row["serial"] ?? ""
            guard let issue = issues[serial], let date = (row["date"] as String?).flatMap(CalendarDate.init) else {
                throw StoreError(.storage, "the registry's event for \(serial) cannot be read; the store was not migrated")
            }
            let note: String = row["note"] ?? ""
            let superseded = row["kind"] as String? == "superseded"
            var entry = LedgerEntry(
                kind: superseded ? .supersession : .revocation, trainee: issue.trainee, curriculum: issue.curriculum, date: date,
                unit: issue.unit, note: superseded ? nil : note)
            entry.record = RecordDetails(serial: serial, supersededBy: superseded ? note : nil)
            entries.append(entry)
        }
        guard !entries.isEmpty else { return }
        let last = try Row.fetchOne(db, sql: "SELECT sequence, hash FROM ledger_entry ORDER BY sequence DESC LIMIT 1")
        var sequence: Int64 = last?["sequence"] ?? 0
        var previousHash: String = last?["hash"] ?? LedgerEntry.genesisHash
        for var entry in entries {
            sequence += 1
            entry.sequence = sequence
            entry.recordedAt = recordedAt
            entry.previousHash = previousHash
            entry.hash = LedgerCanonicalEncoding.hash(of: entry)
            try db.execute(sql: LedgerRow.insertSQLBeforeRegistry, arguments: LedgerRow.arguments(entry, registry: false))
            previousHash = entry.hash
        }
    }
}
