import Foundation
import GRDB
public import VetaCurricula
public import VetaProgress

/// The record registry, kept in the same SQLite file as the progress store, in tables of its own
/// (its own migrations; records are append-only: revocation and supersession are events).
public final class RecordStore: Sendable {
    private let pool: DatabasePool

    /// Opens the registry in the store at `path` (created by ``SQLiteProgressStore`` first).
    ///
    /// - Throws: ``StoreError`` `.storage` when there is no file at `path`: the registry never
    ///   creates a store; ``SQLiteProgressStore`` does, and checks that the file is a Veta store.
    public init(path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError(
                .storage, "no store at \(path) (create one with `veta publish FILE`, or give the right --store or $VETA_STORE)")
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(30)
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
        } catch {
            throw StoreError(.storage, "cannot open the record registry at \(path): \((error as? DatabaseError)?.message ?? "\(error)")")
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("records v1 issuers, records, events") { db in
            try db.execute(
                sql: """
                    CREATE TABLE issuer (
                        id TEXT PRIMARY KEY,
                        name TEXT NOT NULL,
                        rfc TEXT NOT NULL,
                        stps_registration TEXT,
                        public_key TEXT NOT NULL
                    );
                    CREATE TABLE issued_record (
                        serial TEXT PRIMARY KEY,
                        format TEXT NOT NULL,
                        trainee_id TEXT NOT NULL REFERENCES trainee(id),
                        curriculum_code TEXT NOT NULL,
                        curriculum_version TEXT NOT NULL,
                        unit_code TEXT,
                        issuer_id TEXT NOT NULL REFERENCES issuer(id),
                        issued_at TEXT NOT NULL,
                        valid_from TEXT NOT NULL,
                        valid_until TEXT,
                        sha256 TEXT NOT NULL,
                        supersedes TEXT REFERENCES issued_record(serial)
                    );
                    CREATE TABLE record_event (
                        serial TEXT NOT NULL REFERENCES issued_record(serial),
                        kind TEXT NOT NULL,
                        date TEXT NOT NULL,
                        note TEXT NOT NULL
                    );
                    CREATE TRIGGER issued_record_append_only_update BEFORE UPDATE ON issued_record
                        BEGIN SELECT RAISE(ABORT, 'issued records are append-only'); END;
                    CREATE TRIGGER issued_record_append_only_delete BEFORE DELETE ON issued_record
                        BEGIN SELECT RAISE(ABORT, 'issued records are append-only'); END;
                    """)
        }
        return migrator
    }

    /// Registers an issuer; the id must be new.
    public func add(_ issuer: Issuer) async throws {
        try await write { db in
            guard try !Bool.fetchOne(db, sql: "SELECT 1 FROM issuer WHERE id = ?", arguments: [issuer.id]).orFalse else {
                throw StoreError(.conflict, "issuer \(issuer.id) already exists")
            }
            try db.execute(
                sql: "INSERT INTO issuer (id, name, rfc, stps_registration, public_key) VALUES (?, ?, ?, ?, ?)",
                arguments: [issuer.id, issuer.name, issuer.rfc.rawValue, issuer.stpsRegistration, issuer.publicKey])
        }
    }

    /// The issuer with this id.
    public func issuer(_ id: String) async throws -> Issuer? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM issuer WHERE id = ?", arguments: [id]).flatMap(Self.issuer)
        }
    }

    /// Every issuer.
    public func issuers() async throws -> [Issuer] {
        try await pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM issuer ORDER BY id").compactMap(Self.issuer) }
    }

    private static func issuer(_ row: Row) -> Issuer? {
        guard let rfc = try? RFC(row["rfc"] ?? "") else { return nil }
        return Issuer(
            id: row["id"] ?? "", name: row["name"] ?? "", rfc: rfc, stpsRegistration: row["stps_registration"],
            publicKey: row["public_key"] ?? "")
    }

    /// Registers records issued together, numbering them; `make` builds each record's artifact
    /// once its serial is known and returns the record to store with the artifact bytes.
    public func issue<T: Sendable>(
        count: Int, year: Int, make: @escaping @Sendable (_ serials: [String]) throws -> ([IssuedRecord], T)
    ) async throws -> T {
        try await write { db in
            let prefix = "VETA-\(year)-"
            let last = try String.fetchOne(
                db, sql: "SELECT serial FROM issued_record WHERE serial LIKE ? ORDER BY serial DESC LIMIT 1", arguments: [prefix + "%"])
            let start = (last.flatMap { Int($0.dropFirst(prefix.count)) } ?? 0) + 1
            let serials = (start..<(start + count)).map { prefix + String(format: "%06d", $0) }
            let (records, result) = try make(serials)
            for record in records {
                try db.execute(
                    sql: """
                        INSERT INTO issued_record (serial, format, trainee_id, curriculum_code, curriculum_version, unit_code, issuer_id,
                            issued_at, valid_from, valid_until, sha256, supersedes)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        record.serial, record.format.rawValue, record.trainee.rawValue, record.curriculum.code.rawValue,
                        record.curriculum.version.description, record.unit?.rawValue, record.issuer, record.issuedAt,
                        record.validFrom.description, record.validUntil?.description, record.sha256, record.supersedes,
                    ])
            }
            return result
        }
    }

    /// Appends an event (revocation, supersession) for a record.
    public func append(_ event: RecordEvent) async throws {
        try await write { db in
            try db.execute(
                sql: "INSERT INTO record_event (serial, kind, date, note) VALUES (?, ?, ?, ?)",
                arguments: [event.serial, event.kind.rawValue, event.date.description, event.note])
        }
    }

    /// The record with this serial.
    public func record(_ serial: String) async throws -> IssuedRecord? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM issued_record WHERE serial = ?", arguments: [serial]).flatMap(Self.record)
        }
    }

    /// Every record, by serial.
    public func records() async throws -> [IssuedRecord] {
        try await pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM issued_record ORDER BY serial").compactMap(Self.record) }
    }

    /// The events of a record, oldest first.
    public func events(_ serial: String) async throws -> [RecordEvent] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM record_event WHERE serial = ? ORDER BY rowid", arguments: [serial]).compactMap { row in
                guard let kind = (row["kind"] as String?).flatMap(RecordEvent.Kind.init(rawValue:)),
                    let date = (row["date"] as String?).flatMap(CalendarDate.init)
                else { return nil }
                return RecordEvent(serial: serial, kind: kind, date: date, note: row["note"] ?? "")
            }
        }
    }

    private static func record(_ row: Row) -> IssuedRecord? {
        guard let format = (row["format"] as String?).flatMap(IssuedRecord.Format.init(rawValue:)),
            let version = (row["curriculum_version"] as String?).flatMap(SemanticVersion.init),
            let validFrom = (row["valid_from"] as String?).flatMap(CalendarDate.init)
        else { return nil }
        return IssuedRecord(
            serial: row["serial"] ?? "", format: format, trainee: TraineeID(row["trainee_id"] ?? ""),
            curriculum: CurriculumRef(code: CurriculumCode(row["curriculum_code"] ?? ""), version: version),
            unit: (row["unit_code"] as String?).map(UnitCode.init), issuer: row["issuer_id"] ?? "", issuedAt: row["issued_at"] ?? "",
            validFrom: validFrom, validUntil: (row["valid_until"] as String?).flatMap(CalendarDate.init), sha256: row["sha256"] ?? "",
            supersedes: row["supersedes"])
    }

    private func write<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await pool.writeImmediate(work)
    }
}

extension Optional where Wrapped == Bool {
    fileprivate var orFalse: Bool { self ?? false }
}
