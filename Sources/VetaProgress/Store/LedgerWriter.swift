import Foundation
import GRDB

/// Inserts ledger entries as rows, in the layout the store has: `ledger` and its side table
/// `ledger_detail` (schema version 8 on, ``LedgerDetail``), or, inside the migrations before it,
/// the compact `ledger` table of version 5 or the text table `ledger_entry` of version 4.
///
/// One writer serves one write transaction: it prepares its inserts once, binds each entry's values
/// directly, and keeps the `ledger_name` ids it has looked up or added (a new name of role `r`
/// takes the next id `16 × n + r`).
struct LedgerWriter {
    private let db: Database
    private let compact: Bool
    private let insert: Statement
    private let insertDetail: Statement?
    private var ids: [LedgerCodes.Role: [String: Int64]] = [:]
    private var nextIDs: [LedgerCodes.Role: Int64] = [:]

    init(_ db: Database) throws {
        self.db = db
        compact = try db.tableExists("ledger")
        let detail = try compact && db.tableExists("ledger_detail")
        insert = try db.cachedStatement(
            sql: detail ? LedgerDetail.insertSQL : compact ? CompactLedgerRow.insertSQL : LedgerRow.insertSQL)
        insertDetail = try detail ? db.cachedStatement(sql: LedgerDetail.insertDetailSQL) : nil
    }

    /// Inserts `entry` (sequence, hashes and all already set).
    ///
    /// - Throws: ``Refusal`` when a hash is not 64 lowercase hex digits (it could not be stored as
    ///   its 32 bytes exactly); nothing is inserted then.
    mutating func append(_ entry: LedgerEntry) throws {
        guard compact else { return try insert.execute(arguments: LedgerRow.arguments(entry)) }
        let registry = entry.kind.isRegistry
        let trainee = try registry ? nil : id(.trainee, entry.trainee.rawValue)
        let code = try registry ? nil : id(.curriculumCode, entry.curriculum.code.rawValue)
        let version = try registry ? nil : id(.curriculumVersion, entry.curriculum.version.description)
        let unit = try entry.unit.map { try id(.unit, $0.rawValue) }
        let target = try entry.target.map { try id(.target, $0.description) }
        let recordedAt = try id(.recordedAt, entry.recordedAt)
        let date = try id(.date, entry.date.description)
        let site = try entry.site.map { try id(.site, $0) }
        let assessor = try entry.assessor.map { try id(.assessor, $0.rawValue) }
        let attachment = try entry.attachmentSHA256.map { try bytes($0, "attachment sha256", entry.sequence) }
        let hash = try bytes(entry.hash, "hash", entry.sequence)
        let arguments: StatementArguments = [
            entry.sequence, LedgerCodes.code(entry.kind), trainee, code, version, unit, target,
            entry.method.map { LedgerCodes.code($0) }, entry.outcome.map { LedgerCodes.code($0) }, date, site,
            entry.minutes,
            entry.note, attachment, assessor, entry.corrects, recordedAt, hash, entry.signature, entry.derivedFrom,
        ]
        let registryColumn: StatementArguments = [registry ? entry.registry.map(LedgerCanonicalEncoding.registryColumn) ?? "" : nil]
        guard let insertDetail else { return try insert.execute(arguments: arguments + RecordColumns.arguments(entry) + registryColumn) }
        let row: StatementArguments = [
            entry.sequence, LedgerCodes.code(entry.kind), trainee, code, version, unit, target,
            entry.method.map { LedgerCodes.code($0) }, entry.outcome.map { LedgerCodes.code($0) }, date, site,
            entry.minutes, entry.note, assessor, recordedAt, hash,
        ]
        try insert.execute(arguments: row)
        guard LedgerDetail.hasDetail(entry) else { return }
        let detail: StatementArguments = [
            entry.sequence, LedgerCodes.code(entry.kind), attachment, entry.corrects, entry.signature, entry.derivedFrom,
        ]
        try insertDetail.execute(arguments: detail + RecordColumns.arguments(entry) + registryColumn)
    }

    /// The id of `value` in `ledger_name` for `role`, added when it has none.
    private mutating func id(_ role: LedgerCodes.Role, _ value: String) throws -> Int64 {
        if let known = ids[role]?[value] { return known }
        let found = try Int64.fetchOne(
            db, sql: "SELECT id FROM ledger_name WHERE role = ? AND value = ?", arguments: [role.rawValue, value])
        let id: Int64
        if let found {
            id = found
        } else {
            id = try nextID(role)
            try db.execute(sql: "INSERT INTO ledger_name (id, role, value) VALUES (?, ?, ?)", arguments: [id, role.rawValue, value])
            nextIDs[role] = id + 16
        }
        ids[role, default: [:]][value] = id
        return id
    }

    /// The id of the next name of `role`: `16 × n + role`, above every id the role has.
    private func nextID(_ role: LedgerCodes.Role) throws -> Int64 {
        if let next = nextIDs[role] { return next }
        let highest = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM ledger_name WHERE role = ?", arguments: [role.rawValue]) ?? 0
        return LedgerDetail.nextID(after: highest, role: role)
    }

    /// The 32 bytes written as `hex`.
    private func bytes(_ hex: String, _ what: String, _ sequence: Int64) throws -> Data {
        guard let data = CompactLedgerRow.bytes(hex) else {
            throw Refusal(
                "the \(what) of entry \(sequence) is not 64 lowercase hex digits, so it cannot be stored exactly",
                reasons: ["give a sha256 as 64 lowercase hex digits"])
        }
        return data
    }
}
