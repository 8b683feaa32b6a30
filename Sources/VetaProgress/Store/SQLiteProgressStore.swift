public import Foundation
package import GRDB
public import VetaCurricula

/// The embedded store: one SQLite file through GRDB, in WAL mode with foreign keys on and a busy
/// timeout, so several processes can record at once without losing an entry.
public final class SQLiteProgressStore: ProgressStore {
    /// The store file's one connection pool, shared with the record registry (`RecordStore`).
    package let pool: DatabasePool
    package let clock: @Sendable () -> Date

    /// Opens the store at `path` and brings its schema up to date; creates it (and its folder) when
    /// `create` is true and there is none. With `readOnly`, opens it read-only instead: nothing is
    /// created, migrated or written, and a store that needs migrating is refused.
    ///
    /// A file that is not a Veta store (another program's SQLite database, a text file) is refused
    /// before anything is written to it, and so are a missing store when `create` is false (or
    /// `readOnly`) and a store newer than this veta (``StoreSchema``).
    ///
    /// - Parameters:
    ///   - create: Whether a missing store may be created: true for commands that write.
    ///   - readOnly: Whether to open read-only: true for commands that only read.
    ///   - clock: The source of `recordedAt` times; tests pass a fixed one.
    public init(
        path: String, create: Bool = true, readOnly: Bool = false, clock: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        let applied = try StoreFile.check(path, create: create && !readOnly)
        if readOnly, !Set(Migrations.migrator.migrations).isSubset(of: applied) {
            throw StoreSchema.older(path, applied: applied)
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(30)
        configuration.readonly = readOnly
        configuration.label = "veta"
        configuration.prepareDatabase { db in
            // A bigger page cache keeps a large import's transaction from spilling pages early.
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        do {
            if readOnly {
                pool = try DatabasePool(path: path, configuration: configuration)
            } else {
                try FileManager.default.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                pool = try DatabasePool(path: path, configuration: configuration)
                try Migrations.migrator.migrate(pool)
            }
        } catch let refusal as Refusal {
            throw refusal  // a migration that cannot move the store's data as it is (``CompactMigrations``)
        } catch {
            throw StoreError(.storage, "cannot open the store at \(path): \(Self.reason(error))")
        }
        self.clock = clock
    }

    // MARK: curricula

    public func publish(_ curriculum: PublishedCurriculum) async throws -> PublishOutcome {
        let now = Self.timestamp(clock())
        return try await write { db in
            if let existing = try String.fetchOne(
                db, sql: "SELECT sha256 FROM curriculum WHERE code = ? AND version = ?",
                arguments: [curriculum.ref.code.rawValue, curriculum.ref.version.description])
            {
                guard existing == curriculum.sha256 else {
                    throw StoreError(
                        .conflict,
                        "\(curriculum.ref) is already published with different content (sha256 \(existing.prefix(12))…); a published version is immutable: publish the change under a new version"
                    )
                }
                if let older = curriculum.supersedes { try LifecycleLog.supersede(older, by: curriculum.ref, in: db, recordedAt: now) }
                return .alreadyPublished
            }
            try db.execute(
                sql: "INSERT INTO curriculum (code, version, sha256, xml, published_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [
                    curriculum.ref.code.rawValue, curriculum.ref.version.description, curriculum.sha256, Data(curriculum.xml), now,
                ])
            try RegistryLog.append(
                [
                    .registry(
                        .publication, subject: curriculum.ref.description, date: try RegistryLog.day(now, in: db), sha256: curriculum.sha256
                    )
                ],
                in: db, recordedAt: now)
            if let older = curriculum.supersedes { try LifecycleLog.supersede(older, by: curriculum.ref, in: db, recordedAt: now) }
            return .published
        }
    }

    public func publishedCurriculum(_ ref: CurriculumRef) async throws -> PublishedCurriculum? {
        try await read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT xml, sha256 FROM curriculum WHERE code = ? AND version = ?",
                    arguments: [ref.code.rawValue, ref.version.description])
            else { return nil }
            // The bytes read must be the bytes published: everything about the curriculum (validity,
            // units, hours) is read from them, so bytes changed outside veta are refused, not used.
            guard case .blob(let xml) = (row[0] as DatabaseValue).storage, case .string(let sha256) = (row[1] as DatabaseValue).storage
            else {
                throw Refusal(
                    "\(ref) is not stored as veta publishes (its bytes or their sha256 have another type); run veta ledger verify")
            }
            return try PublishedCurriculum.stored(ref, xml: Array(xml), sha256: sha256)
        }
    }

    public func publishedCurricula() async throws -> [CurriculumRef] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT code, version FROM curriculum").compactMap { row -> CurriculumRef? in
                guard let code = row.exactText("code"), let version = row.exactText("version").flatMap(SemanticVersion.init) else {
                    return nil
                }
                return CurriculumRef(code: CurriculumCode(code), version: version)
            }.sorted { ($0.code, $0.version) < ($1.code, $1.version) }
        }
    }

    // MARK: registry

    public func add(_ organisation: Organisation) async throws {
        let organisation = try organisation.validated()
        let now = Self.timestamp(clock())
        try await write { db in
            guard try !Bool.fetchOne(db, sql: "SELECT 1 FROM organisation WHERE rfc = ?", arguments: [organisation.rfc.rawValue]).isTrue
            else { throw StoreError(.conflict, "organisation \(organisation.rfc) already exists") }
            try db.execute(
                sql: "INSERT INTO organisation (rfc, name) VALUES (?, ?)", arguments: [organisation.rfc.rawValue, organisation.name])
            for site in Set(organisation.sites) {
                try db.execute(
                    sql: "INSERT INTO site (organisation_rfc, name) VALUES (?, ?)", arguments: [organisation.rfc.rawValue, site])
            }
            try RegistryLog.append(
                [
                    .registry(
                        .organisation, subject: organisation.rfc.rawValue, fields: organisation.registryFields,
                        date: try RegistryLog.day(now, in: db))
                ],
                in: db, recordedAt: now)
        }
    }

    /// The organisation as the log registers it (``RegistryState/organisation(_:)``), never the
    /// `organisation` and `site` tables, which anyone who can write the file could change.
    public func organisation(_ rfc: RFC) async throws -> Organisation? {
        try await read { db in try RegistryLog.state(db, kinds: [.organisation, .amendment], subject: rfc.rawValue).organisation(rfc) }
    }

    public func add(_ trainee: Trainee) async throws {
        try await add([trainee])
    }

    public func add(_ trainees: [Trainee]) async throws {
        let trainees = try trainees.map { trainee throws(Refusal) in try trainee.validated() }
        let now = Self.timestamp(clock())
        try await write { db in
            for trainee in trainees { try Self.insert(trainee, db) }
            try RegistryLog.append(
                trainees.map {
                    .registry(.trainee, subject: $0.id.rawValue, fields: $0.registryFields, date: try RegistryLog.day(now, in: db))
                },
                in: db,
                recordedAt: now)
        }
    }

    static func insert(_ trainee: Trainee, _ db: Database) throws {
        guard try !Bool.fetchOne(db, sql: "SELECT 1 FROM trainee WHERE id = ?", arguments: [trainee.id.rawValue]).isTrue else {
            throw StoreError(.conflict, "trainee \(trainee.id) already exists")
        }
        if let holder = try String.fetchOne(db, sql: "SELECT id FROM trainee WHERE curp = ?", arguments: [trainee.curp.rawValue]) {
            throw StoreError(.conflict, "trainee \(holder) already has the CURP \(trainee.curp), given for trainee \(trainee.id)")
        }
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM organisation WHERE rfc = ?", arguments: [trainee.employer.rawValue]).isTrue
        else { throw StoreError(.notFound, "employer \(trainee.employer) of trainee \(trainee.id) is not registered (veta org add)") }
        try db.execute(
            sql: """
                INSERT INTO trainee (id, paternal_surname, maternal_surname, given_names, curp, employer_rfc, occupation, job_title)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                trainee.id.rawValue, trainee.paternalSurname, trainee.maternalSurname, trainee.givenNames, trainee.curp.rawValue,
                trainee.employer.rawValue, trainee.occupation, trainee.jobTitle,
            ])
    }

    /// The trainee as the log registers it (``RegistryState/trainee(_:)``), never the `trainee`
    /// table, which anyone who can write the file could change.
    public func trainee(_ id: TraineeID) async throws -> Trainee? {
        try await read { db in try RegistryLog.state(db, kinds: [.trainee, .amendment], subject: id.rawValue).trainee(id) }
    }

    /// Every trainee as the log registers them, by id (``RegistryState/allTrainees()``).
    public func trainees() async throws -> [Trainee] {
        try await read { db in try RegistryLog.state(db, kinds: [.trainee, .amendment]).allTrainees() }
    }

    public func add(_ assessor: Assessor) async throws {
        let assessor = try assessor.validated()
        let now = Self.timestamp(clock())
        try await write { db in
            guard try !Bool.fetchOne(db, sql: "SELECT 1 FROM assessor WHERE id = ?", arguments: [assessor.id.rawValue]).isTrue else {
                throw StoreError(.conflict, "assessor \(assessor.id) already exists")
            }
            try AssessorKeyCheck.check(assessor.publicKey, for: assessor.id.rawValue, in: db)
            try db.execute(
                sql: "INSERT INTO assessor (id, name, accreditation, public_key) VALUES (?, ?, ?, ?)",
                arguments: [assessor.id.rawValue, assessor.name, assessor.accreditation, assessor.publicKey])
            for unit in assessor.units.sorted() {
                try db.execute(
                    sql: "INSERT INTO assessor_unit (assessor_id, unit_code) VALUES (?, ?)",
                    arguments: [assessor.id.rawValue, unit.rawValue])
            }
            let day = try RegistryLog.day(now, in: db)
            try RegistryLog.append(
                [.registry(.assessor, subject: assessor.id.rawValue, fields: assessor.registryFields, date: day)]
                    + assessor.units.sorted().map { .registry(.authorisation, subject: assessor.id.rawValue, date: day, unit: $0) },
                in: db, recordedAt: now)
        }
    }

    /// The assessor as the log registers it (its latest data and the units it is authorised for
    /// now, ``RegistryState/assessor(_:)``), never the `assessor` table, which anyone who can write the file could change.
    public func assessor(_ id: AssessorID) async throws -> Assessor? {
        try await read { db in
            try RegistryLog.state(db, kinds: [.assessor, .authorisation, .deauthorisation, .amendment], subject: id.rawValue).assessor(id)
        }
    }

    // MARK: ledger

    public func append(
        _ entries: [LedgerEntry], after end: Int64?, seal: @escaping @Sendable (inout LedgerEntry) throws -> Void
    ) async throws -> [LedgerEntry] {
        try await append(entries, after: end, check: { _ in }, seal: seal, then: { _, _ in })
    }

    /// Appends as ``append(_:after:seal:)`` does, inside one write transaction that also runs
    /// `check` first (an invariant that must hold where the entries are appended: it throws to
    /// refuse) and `then` last with the stored entries (rows a projection keeps beside them).
    package func append(
        _ entries: [LedgerEntry], after end: Int64?, check: @escaping @Sendable (Database) throws -> Void,
        seal: @escaping @Sendable (inout LedgerEntry) throws -> Void, then: @escaping @Sendable (Database, [LedgerEntry]) throws -> Void
    ) async throws -> [LedgerEntry] {
        let recordedAt = Self.timestamp(clock())
        return try await write { db in
            try check(db)
            let last = try Row.fetchOne(db, sql: "SELECT sequence, hash FROM ledger_entry ORDER BY sequence DESC LIMIT 1")
            let sequence: Int64 = last?["sequence"] ?? 0
            // A caller that checked against an older ledger checks again (it then names repeats as
            // such) before the store's own guard, which would refuse them less precisely.
            if let end, end != sequence {
                throw StoreError(
                    .changed, "the ledger changed while the request was checked (entry \(sequence) is now the last, not \(end))")
            }
            try EnrolmentGuard.check(entries, in: db)
            var chain = LedgerChainer(after: sequence, hash: last?["hash"], recordedAt: recordedAt)
            var writer = try LedgerWriter(db)
            var stored: [LedgerEntry] = []
            stored.reserveCapacity(entries.count)
            for original in entries {
                let entry = try chain.append(original, seal: seal)
                try writer.append(entry)
                stored.append(entry)
            }
            try then(db, stored)
            return stored
        }
    }

    /// Appends the entries `next` gives, one at a time until it gives `nil`, in one write
    /// transaction after `end` (``StoreError/Kind/changed`` when the ledger no longer ends there):
    /// each is cleaned, numbered, chained, hashed and inserted as ``append(_:after:seal:)`` does, and
    /// none is kept, so memory stays flat however many there are. `finish` runs last, inside the
    /// transaction, with how many were appended; when `next` or `finish` throws, nothing is written. Only evidence is appended
    /// this way (the enrolment guard checks a whole batch); returns how many entries were appended.
    package func appendStream(
        after end: Int64, next: @escaping @Sendable () throws -> LedgerEntry?, finish: @escaping @Sendable (Int) throws -> Void
    ) async throws -> Int {
        let recordedAt = Self.timestamp(clock())
        return try await write { db in
            let last = try Row.fetchOne(db, sql: "SELECT sequence, hash FROM ledger_entry ORDER BY sequence DESC LIMIT 1")
            let sequence: Int64 = last?[0] ?? 0
            try StreamChain.checkEnd(sequence, end)
            var chain = StreamChain(after: sequence, previousHash: last?[1] ?? LedgerEntry.genesisHash, recordedAt: recordedAt)
            var writer = try LedgerWriter(db)
            var count = 0
            while let original = try next() {
                try writer.append(try chain.next(original))
                count += 1
            }
            try finish(count)
            return count
        }
    }

    public func ledgerEnd() async throws -> Int64 {
        try await read { db in try Int64.fetchOne(db, sql: "SELECT MAX(sequence) FROM ledger_entry") ?? 0 }
    }

    public func entries(for trainee: TraineeID) async throws -> [LedgerEntry] {
        // What status, sign-off and issue act on: each entry and its links are checked as it is read.
        try await entries(where: "trainee_id = ?", [trainee.rawValue], linksChecked: true)
    }

    public func entries(in curriculum: CurriculumRef) async throws -> [LedgerEntry] {
        // What cohort and due report from: checked as status's entries are.
        try await entries(
            where: "curriculum_code = ? AND curriculum_version = ?", [curriculum.code.rawValue, curriculum.version.description],
            linksChecked: true)
    }

    public func entries(ofKinds kinds: Set<LedgerEntry.Kind>) async throws -> [LedgerEntry] {
        try await entries(where: LedgerCodes.condition(Array(kinds)), [])
    }

    public func entries(ofKinds kinds: Set<LedgerEntry.Kind>, about subject: String) async throws -> [LedgerEntry] {
        try await entries(where: LedgerCodes.condition(Array(kinds)) + " AND " + RegistrySubject.condition(.sqlite), [subject])
            .filter { $0.registry?.subject == subject }
    }

    private func entries(
        where condition: String, _ arguments: StatementArguments, linksChecked: Bool = false
    ) async throws -> [LedgerEntry] {
        try await read { db in
            let rows = try Row.fetchCursor(
                db, sql: "SELECT \(LedgerRow.columns) FROM ledger_entry WHERE \(condition) ORDER BY sequence", arguments: arguments)
            var entries: [LedgerEntry] = []
            while let row = try rows.next() {
                switch LedgerRow.entry(row) {
                case .success(let entry): entries.append(entry)
                case .failure(let error):
                    throw Refusal("the ledger does not verify at \(error)", reasons: ["nothing was done; run veta ledger verify"])
                }
            }
            if linksChecked { try LedgerLinkCheck.check(entries, in: db) }
            return entries
        }
    }

    public func entries(from first: Int64, through last: Int64) async throws -> [Result<LedgerEntry, LedgerRowError>] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT \(LedgerRow.columns) FROM ledger_entry WHERE sequence BETWEEN ? AND ? ORDER BY sequence",
                arguments: [first, last]
            ).map(LedgerRow.entry)
        }
    }

    public func allEntries() async throws -> [Result<LedgerEntry, LedgerRowError>] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT \(LedgerRow.columns) FROM ledger_entry ORDER BY sequence").map(LedgerRow.entry)
        }
    }

    public func scanEntries<State: Sendable>(
        ofKinds kinds: Set<LedgerEntry.Kind>?, into state: State,
        _ body: @escaping @Sendable (inout State, Result<LedgerEntry, LedgerRowError>) throws -> Void
    ) async throws -> State {
        let names = kinds.map { $0.map(\.rawValue).sorted() }
        let condition = names.map { "WHERE kind IN (" + $0.map { _ in "?" }.joined(separator: ", ") + ") " } ?? ""
        // One cursor in one read transaction: each row is read, handed on and dropped.
        return try await read { db in
            var state = state
            let rows = try Row.fetchCursor(
                db, sql: "SELECT \(LedgerRow.columns) FROM ledger_entry \(condition)ORDER BY sequence",
                arguments: StatementArguments(names ?? []))
            while let row = try rows.next() { try body(&state, LedgerRow.entry(row)) }
            return state
        }
    }

    // MARK: plumbing

    func write<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await pool.writeImmediate(work)
    }

    func read<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.read(work)
        } catch let error as StoreError {
            throw error
        } catch let refusal as Refusal {
            throw refusal
        } catch {
            throw StoreError(.storage, "the store could not be read: \(Self.reason(error))")
        }
    }

    /// SQLite's own words, never the SQL or its arguments.
    private static func reason(_ error: any Error) -> String {
        (error as? DatabaseError)?.message ?? String(describing: type(of: error))
    }

    package static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year ?? 1970, c.month ?? 1, c.day ?? 1, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }
}

extension Optional where Wrapped == Bool {
    fileprivate var isTrue: Bool { self ?? false }
}
