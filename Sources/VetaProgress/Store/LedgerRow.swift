import GRDB
import VetaCurricula

/// Reads and writes ledger entries as rows of `ledger_entry`.
enum LedgerRow {
    static let columns =
        "sequence, kind, trainee_id, curriculum_code, curriculum_version, unit_code, target, method, outcome, date, site, minutes, note, attachment_sha256, assessor_id, corrects, recorded_at, previous_hash, hash, signature"

    static let insertSQL = "INSERT INTO ledger_entry (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

    static func arguments(_ entry: LedgerEntry) -> StatementArguments {
        [
            entry.sequence, entry.kind.rawValue, entry.trainee.rawValue, entry.curriculum.code.rawValue,
            entry.curriculum.version.description, entry.unit?.rawValue, entry.target?.description, entry.method?.rawValue,
            entry.outcome?.rawValue, entry.date.description, entry.site, entry.minutes, entry.note, entry.attachmentSHA256,
            entry.assessor?.rawValue, entry.corrects, entry.recordedAt, entry.previousHash, entry.hash, entry.signature,
        ]
    }

    /// The entry in `row`, or why the row is not one.
    static func entry(_ row: Row) -> Result<LedgerEntry, LedgerRowError> {
        let sequence: Int64 = row["sequence"] ?? 0
        func fail(_ reason: String) -> Result<LedgerEntry, LedgerRowError> {
            .failure(LedgerRowError(sequence: sequence, reason: reason))
        }
        guard let kind = (row["kind"] as String?).flatMap(LedgerEntry.Kind.init(rawValue:)) else { return fail("unknown kind") }
        guard let trainee = row["trainee_id"] as String?, let code = row["curriculum_code"] as String? else {
            return fail("missing trainee or curriculum")
        }
        guard let version = (row["curriculum_version"] as String?).flatMap(SemanticVersion.init) else {
            return fail("bad curriculum version")
        }
        guard let date = (row["date"] as String?).flatMap(CalendarDate.init) else { return fail("bad date") }
        var entry = LedgerEntry(
            kind: kind, trainee: TraineeID(trainee), curriculum: CurriculumRef(code: CurriculumCode(code), version: version), date: date)
        entry.sequence = sequence
        entry.unit = (row["unit_code"] as String?).map(UnitCode.init)
        if let target = row["target"] as String? {
            guard let parsed = EvidenceTarget(target) else { return fail("bad target") }
            entry.target = parsed
        }
        if let method = row["method"] as String? {
            guard let parsed = EvidenceMethod(rawValue: method) else { return fail("bad method") }
            entry.method = parsed
        }
        if let outcome = row["outcome"] as String? {
            guard let parsed = Outcome(rawValue: outcome) else { return fail("bad outcome") }
            entry.outcome = parsed
        }
        entry.site = row["site"]
        entry.minutes = row["minutes"]
        entry.note = row["note"]
        entry.attachmentSHA256 = row["attachment_sha256"]
        entry.assessor = (row["assessor_id"] as String?).map(AssessorID.init)
        entry.corrects = row["corrects"]
        entry.recordedAt = row["recorded_at"] ?? ""
        entry.previousHash = row["previous_hash"] ?? ""
        entry.hash = row["hash"] ?? ""
        entry.signature = row["signature"]
        return .success(entry)
    }
}
