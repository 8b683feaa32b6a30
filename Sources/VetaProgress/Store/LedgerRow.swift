import GRDB
import VetaCurricula

/// Reads ledger entries from rows of `ledger_entry` (since schema version 5 the view of the compact
/// table `ledger`, see ``CompactLedgerRow``), and writes them as rows of the text table
/// `ledger_entry` of versions 1 to 4 (for the migrations that ran on it).
enum LedgerRow {
    /// The columns of the text table `ledger_entry` of schema version 4, in order.
    static let textColumns =
        "sequence, kind, trainee_id, curriculum_code, curriculum_version, unit_code, target, method, outcome, date, site, minutes, note, attachment_sha256, assessor_id, corrects, recorded_at, previous_hash, hash, signature, derived_from, "
        + RecordColumns.names + ", registry"

    /// The columns an entry is read from: ``textColumns`` and the view's `problem`.
    static let columns = textColumns + ", problem"

    /// The insert into the text table of version 4 (``LedgerWriter`` inserts into the compact one).
    static let insertSQL =
        "INSERT INTO ledger_entry (\(textColumns)) VALUES ("
        + Array(repeating: "?", count: 22 + RecordColumns.count).joined(separator: ", ")
        + ")"

    /// The insert of a store's migration that ran before the `registry` column existed (v3), which
    /// appends entries of the kinds before version 3 only.
    static let insertSQLBeforeRegistry =
        "INSERT INTO ledger_entry (\(textColumns.replacingOccurrences(of: ", registry", with: ""))) VALUES ("
        + Array(repeating: "?", count: 21 + RecordColumns.count).joined(separator: ", ") + ")"

    /// The arguments of ``insertSQL``; with `registry` false, of ``insertSQLBeforeRegistry``.
    static func arguments(_ entry: LedgerEntry, registry withRegistry: Bool = true) -> StatementArguments {
        // A registry entry is about no trainee and no curriculum: NULL, as its encoding leaves them out.
        let registry = entry.kind.isRegistry
        let base: StatementArguments = [
            entry.sequence, entry.kind.rawValue, registry ? nil : entry.trainee.rawValue, registry ? nil : entry.curriculum.code.rawValue,
            registry ? nil : entry.curriculum.version.description, entry.unit?.rawValue, entry.target?.description, entry.method?.rawValue,
            entry.outcome?.rawValue, entry.date.description, entry.site, entry.minutes, entry.note, entry.attachmentSHA256,
            entry.assessor?.rawValue, entry.corrects, entry.recordedAt, entry.previousHash, entry.hash, entry.signature, entry.derivedFrom,
        ]
        let all = base + RecordColumns.arguments(entry)
        return withRegistry ? all + [registry ? entry.registry.map(LedgerCanonicalEncoding.registryColumn) ?? "" : nil] : all
    }

    /// The entry in `row` (selected with ``columns``, in that order), or why the row is not one.
    /// Columns are read by position: this runs for every entry a report reads.
    static func entry(_ row: Row) -> Result<LedgerEntry, LedgerRowError> {
        let problemIndex = 22 + RecordColumns.count
        let sequence: Int64 = row[0] ?? 0
        func fail(_ reason: String) -> Result<LedgerEntry, LedgerRowError> {
            .failure(LedgerRowError(sequence: sequence, reason: reason))
        }
        if row.count > problemIndex, let problem = row[problemIndex] as String? { return fail("the row is not stored exactly: \(problem)") }
        if let problem = typeProblem(row) { return fail("the row is not stored exactly: \(problem)") }
        guard let kind = (row[1] as String?).flatMap(LedgerEntry.Kind.init(rawValue:)) else { return fail("unknown kind") }
        guard let date = (row[9] as String?).flatMap(CalendarDate.init) else { return fail("bad date") }
        var entry: LedgerEntry
        if kind.isRegistry {
            guard row.hasNull(atIndex: 2), row.hasNull(atIndex: 3), row.hasNull(atIndex: 4) else {
                return fail("\(kind.withArticle) entry names a trainee or curriculum")
            }
            switch RegistryColumn.details(row[21 + RecordColumns.count]) {
            case .success(let details):
                entry = LedgerEntry(kind: kind, trainee: LedgerEntry.noTrainee, curriculum: LedgerEntry.noCurriculum, date: date)
                entry.registry = details
            case .failure(let reason): return fail(reason.description)
            }
        } else {
            guard let trainee = row[2] as String?, let code = row[3] as String? else { return fail("missing trainee or curriculum") }
            guard let version = (row[4] as String?).flatMap(SemanticVersion.init) else { return fail("bad curriculum version") }
            guard row.hasNull(atIndex: 21 + RecordColumns.count) else { return fail("registry data set on \(kind.withArticle) entry") }
            entry = LedgerEntry(
                kind: kind, trainee: TraineeID(trainee), curriculum: CurriculumRef(code: CurriculumCode(code), version: version), date: date
            )
        }
        entry.sequence = sequence
        entry.unit = (row[5] as String?).map(UnitCode.init)
        if let target = row[6] as String? {
            guard let parsed = EvidenceTarget(target) else { return fail("bad target") }
            entry.target = parsed
        }
        if let method = row[7] as String? {
            guard let parsed = EvidenceMethod(rawValue: method) else { return fail("bad method") }
            entry.method = parsed
        }
        if let outcome = row[8] as String? {
            guard let parsed = Outcome(rawValue: outcome) else { return fail("bad outcome") }
            entry.outcome = parsed
        }
        entry.site = row[10]
        entry.minutes = row[11]
        entry.note = row[12]
        entry.attachmentSHA256 = row[13]
        entry.assessor = (row[14] as String?).map(AssessorID.init)
        entry.corrects = row[15]
        entry.recordedAt = row[16] ?? ""
        entry.previousHash = row[17] ?? ""
        entry.hash = row[18] ?? ""
        entry.signature = row[19]
        entry.derivedFrom = row[20]
        switch RecordColumns.details(row, from: 21, kind: kind) {
        case .success(let details): entry.record = details
        case .failure(let reason): return fail(reason.description)
        }
        if let problem = canonicalProblem(row, entry) { return fail("the row is not stored exactly: \(problem)") }
        return .success(entry)
    }
}
