import Foundation
import GRDB
import Testing
import VetaCurricula

@testable import VetaProgress

/// The store protocol's rules, on every engine of the run (``Engine``): SQLite, and PostgreSQL when
/// `make test` started a cluster. Each test builds its own store (a file, or a database of its own).
@Suite struct EngineStoreTests {
    static let rfc = TestWorld.employer

    @Test(arguments: Engine.all) func appendedEntriesChainAndVerify(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        try await world.completeSafetyUnit()
        let rows = try await world.service.store.allEntries().map { try $0.get() }
        #expect(rows.map(\.sequence) == Array(1...Int64(rows.count)))
        #expect(rows.first?.previousHash == LedgerEntry.genesisHash)
        for (previous, next) in zip(rows, rows.dropFirst()) { #expect(next.previousHash == previous.hash) }
        #expect(rows.allSatisfy { LedgerCanonicalEncoding.hash(of: $0) == $0.hash })
        #expect(try await world.service.store.ledgerEnd() == Int64(rows.count))
        let report = try await world.service.verifyLedger()
        #expect(report.isIntact, "\(report.problems)")
        let scanned = try await world.service.store.scanEntries(into: [LedgerEntry]()) { $0.append(try $1.get()) }
        #expect(scanned == rows)
        #expect(try await world.service.store.entries(from: 2, through: 3).map { try $0.get().sequence } == [2, 3])
        #expect(try await world.service.store.entries(ofKinds: [.enrolment]).count == 1)
        #expect(try await world.service.store.entries(in: world.ref).count == 5)
        #expect(try await world.service.status(of: world.trainee, asOf: TestWorld.day("2026-03-01")).count == 1)
    }

    /// The same history, with the same clock, gives the same entries and the same hashes on both engines.
    @Test(arguments: Engine.all.filter { $0 != .sqlite }) func theSameHistoryHashesAlikeOnSQLite(engine: Engine) async throws {
        let key = SigningKey()
        let other = try await TestWorld.make(engine: engine, key: key)
        let sqlite = try await TestWorld.make(engine: .sqlite, key: key)
        for world in [sqlite, other] { try await world.completeSafetyUnit() }
        let expected = try await sqlite.service.store.allEntries().map { try $0.get() }
        let actual = try await other.service.store.allEntries().map { try $0.get() }
        #expect(actual == expected)
    }

    @Test(arguments: Engine.all) func anAppendAfterAnEndThatMovedIsRefusedAsChanged(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let end = try await world.service.store.ledgerEnd()
        _ = try await world.service.record(world.evidence("RIIWHS201E", .element(1)))
        do {
            _ = try await world.service.store.append([world.evidence("RIIWHS201E", .element(2))], after: end) { _ in }
            Issue.record("an append after a stale end was accepted")
        } catch let error as StoreError {
            #expect(error.kind == .changed)
        }
        #expect(try await world.service.store.ledgerEnd() == end + 1)
    }

    @Test(arguments: Engine.all) func theStoreItselfRefusesASecondEnrolment(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let again = LedgerEntry(kind: .enrolment, trainee: world.trainee, curriculum: world.ref, date: TestWorld.day("2026-06-01"))
        await #expect(throws: Refusal.self) { try await world.service.store.append([again]) { _ in } }
        #expect(try await world.service.store.entries(for: world.trainee).filter { $0.kind == .enrolment }.count == 1)
    }

    @Test(arguments: Engine.all) func theRegistryRefusesDuplicatesAndReadsBackWhatItRegistered(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let store = world.service.store
        let employer = try RFC(Self.rfc)
        func trainee(_ id: String, curp: Int = 1, employer: RFC = employer, jobTitle: String = "Perforista") throws -> Trainee {
            Trainee(
                id: TraineeID(id), paternalSurname: "Pérez", maternalSurname: "Ruiz", givenNames: "Luis",
                curp: try CURP(TestWorld.curps[curp]), employer: employer, occupation: "Perforista", jobTitle: jobTitle)
        }
        let second = try trainee("T002")
        try await store.add(second)
        #expect(try await store.trainee(second.id) == second)
        #expect(try await store.trainees().map(\.id) == [TraineeID("T001"), TraineeID("T002")])
        await #expect(throws: StoreError.self) { try await store.add(second) }
        await #expect(throws: StoreError.self) { try await store.add(try trainee("T003")) }
        await #expect(throws: StoreError.self) { try await store.add(try trainee("T004", curp: 2, employer: try RFC("AAA010101AAA"))) }
        #expect(try await store.organisation(employer)?.sites.count == 3)
        await #expect(throws: StoreError.self) {
            try await store.add(Organisation(rfc: employer, name: "Otra", sites: []))
        }
        let assessor = try #require(try await store.assessor(world.assessor))
        #expect(assessor.units == [UnitCode("RIIWHS201E"), UnitCode("RIIERR302D")])
        let sharedKey = Assessor(id: AssessorID("A02"), name: "Otro", accreditation: "EV-2", units: [], publicKey: assessor.publicKey)
        await #expect(throws: StoreError.self) { try await store.add(sharedKey) }

        let amended = try trainee("T002", jobTitle: "Supervisor")
        try await store.amend(amended, reason: "ascenso")
        #expect(try await store.trainee(second.id)?.jobTitle == "Supervisor")
        await #expect(throws: Refusal.self) { try await store.amend(amended, reason: "otra vez") }
        try await store.authorise(world.assessor, for: UnitCode("RIIERR302D"), on: TestWorld.day("2026-03-01"), granted: false)
        #expect(try await store.assessor(world.assessor)?.units == [UnitCode("RIIWHS201E")])
        try await store.set(.timeZone, to: "America/Mexico_City", reason: nil, on: TestWorld.day("2026-03-01"))
        #expect(try await store.setting(.timeZone) == "America/Mexico_City")
        #expect(try await store.projectionProblems() == [])
        #expect(try await store.rebuildProjections(after: try await store.ledgerEnd()) == [])
        #expect(try await world.service.verifyLedger().isIntact)
    }

    @Test(arguments: Engine.all) func publishingIsIdempotentAndAPublishedVersionImmutable(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let (_, again) = try await world.service.publish(fileAt: TestWorld.examplePath)
        #expect(again == .alreadyPublished)
        let published = try #require(try await world.service.store.publishedCurriculum(world.ref))
        #expect(published.xml == Array(try Data(contentsOf: URL(fileURLWithPath: TestWorld.examplePath))))
        #expect(try await world.service.store.publishedCurricula() == [world.ref])
        let changed = PublishedCurriculum(ref: world.ref, xml: published.xml + Array(" ".utf8))
        await #expect(throws: StoreError.self) { _ = try await world.service.store.publish(changed) }
    }

    @Test(arguments: Engine.all) func theDatabaseRefusesChangesToTheLog(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        #expect(engine.refuses(world.storePath, "UPDATE ledger SET note = 'x'"))
        #expect(engine.refuses(world.storePath, "DELETE FROM ledger"))
        #expect(engine.refuses(world.storePath, "DELETE FROM ledger_name"))
        #expect(engine.refuses(world.storePath, "DELETE FROM curriculum"))
        #expect(try await world.service.verifyLedger().isIntact)
    }

    @Test(arguments: Engine.all) func anEntryChangedBehindVetasBackIsNamedAndNotActedOn(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        try await world.completeSafetyUnit()
        let evidence = try await world.service.store.entries(ofKinds: [.evidence]).map(\.sequence)
        let target = try #require(evidence.first)
        try engine.tamper(world.storePath, ["UPDATE ledger SET minutes = 600 WHERE sequence = \(target)"])
        let report = try await world.service.verifyLedger()
        #expect(!report.isIntact)
        #expect(report.problems.first?.sequence == target)
        await #expect(throws: Refusal.self) { _ = try await world.service.status(of: world.trainee, asOf: TestWorld.day("2026-03-01")) }
    }

    /// Eight writers, each with a store of its own (as eight processes), record at once: nothing is
    /// lost, the chain verifies, and of eight enrolments of one trainee exactly one is kept.
    @Test(arguments: Engine.all) func concurrentWritersLoseNothing(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let start = try await world.service.store.ledgerEnd()
        let targets: [EvidenceTarget] = [.element(1), .element(2), .knowledge("K1"), .knowledge("K2")]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<8 {
                let service = ProgressService(store: try engine.open(world.storePath), validator: world.service.validator)
                let entry = world.evidence("RIIWHS201E", targets[writer % 4], date: "2026-02-0\(writer % 4 + 1)")
                group.addTask { for _ in 0..<3 { _ = try await service.record(entry) } }
            }
            try await group.waitForAll()
        }
        #expect(try await world.service.store.ledgerEnd() == start + 24)
        let newcomer = Trainee(
            id: TraineeID("T009"), paternalSurname: "Ruiz", maternalSurname: "Soto", givenNames: "Eva", curp: try CURP(TestWorld.curps[2]),
            employer: try RFC(Self.rfc), occupation: "Operadora", jobTitle: "Operadora")
        try await world.service.store.add(newcomer)
        let accepted = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                let service = ProgressService(store: try engine.open(world.storePath), validator: world.service.validator)
                group.addTask {
                    do {
                        _ = try await service.enrol(newcomer.id, in: world.ref, on: TestWorld.day("2026-01-05"))
                        return true
                    } catch is Refusal {
                        return false
                    }
                }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(accepted == 1)
        #expect(try await world.service.store.entries(for: newcomer.id).filter { $0.kind == .enrolment }.count == 1)
        #expect(try await world.service.verifyLedger().isIntact)
    }
}

/// The PostgreSQL schema is the SQLite store's, table for table and column for column (in order):
/// tables, the compact ledger and the view `ledger_entry`.
@Suite struct PostgresSchemaTests {
    /// PostgreSQL's tables, view and columns are SQLite's at this veta's schema version, in order.
    @Test(arguments: Engine.all.filter { $0 == .postgresql }) func everyTableAndColumnIsTheSQLiteStores(engine: Engine) async throws {
        let pg = try await TestWorld.make(engine: engine)
        let sqlite = try await TestWorld.make(engine: .sqlite)
        let expected = try await DatabaseQueue(path: sqlite.storePath).read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT m.name || '.' || p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
                    WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'grdb_migrations'
                    ORDER BY m.name, p.cid
                    """)
        }
        let actual = try Engine.psql(
            pg.storePath,
            """
            SELECT table_name || '.' || column_name FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name <> 'veta_schema' ORDER BY table_name, ordinal_position
            """
        ).split(separator: "\n").map(String.init)
        #expect(actual == expected)
    }
}

extension PostgresSchemaTests {
    /// Every table column has the SQLite store's type (BIGINT for INTEGER, BYTEA for BLOB) and
    /// nullability, and every index of the layout has its name on both engines: one description
    /// (``StoreLayout``) writes both.
    @Test(arguments: Engine.all.filter { $0 == .postgresql }) func everyColumnTypeAndIndexIsTheSQLiteStores(engine: Engine) async throws {
        let pg = try await TestWorld.make(engine: engine)
        let sqlite = try await TestWorld.make(engine: .sqlite)
        let (columns, indexes) = try await DatabaseQueue(path: sqlite.storePath).read { db in
            (
                try String.fetchAll(
                    db,
                    sql: """
                        SELECT m.name || '.' || p.name || ' ' || p.type || ' ' || (p."notnull" OR p.pk > 0) FROM sqlite_master m
                        JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'grdb_migrations'
                        """),
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
            )
        }
        let pgColumns = try Engine.psql(
            pg.storePath,
            """
            SELECT c.table_name || '.' || c.column_name || ' ' || CASE c.data_type WHEN 'bigint' THEN 'INTEGER' WHEN 'text' THEN 'TEXT'
                WHEN 'bytea' THEN 'BLOB' ELSE c.data_type END || ' ' || CASE WHEN c.is_nullable = 'NO' THEN 1 ELSE 0 END
            FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
            WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> 'veta_schema'
            """
        ).split(separator: "\n").map(String.init)
        let pgIndexes = try Engine.psql(
            pg.storePath,
            "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT IN (SELECT conname FROM pg_constraint)"
        ).split(separator: "\n").map(String.init)
        #expect(pgColumns.sorted() == columns.sorted())
        #expect(pgIndexes.sorted() == indexes.sorted())
    }
}
