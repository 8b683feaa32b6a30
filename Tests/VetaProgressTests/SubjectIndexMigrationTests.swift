import Foundation
import GRDB
import Testing
import VetaCurricula

@testable import VetaProgress

/// Schema version 10 adds an index on a registry entry's subject (``RegistrySubject``) and changes
/// nothing stored: a version 9 store with an entry of every kind migrates, reads back the same
/// entries, verifies, and reads every trainee, organisation and assessor as before, each through
/// the index (one subject's entries, not every registration of the log).
@Suite struct SubjectIndexMigrationTests {
    static let v9 = "v9 sync receipts in the ledger view"

    @Test func aVersion9StoreWithEveryKindMigratesAndEveryHashStillVerifies() async throws {
        let world = try await CompactMigrationTests.everyKind()
        let store = world.service.store
        let registered = try #require(try await store.trainee(world.trainee))
        try await store.amend(Self.copy(registered, jobTitle: "Supervisor"), reason: "promoted")
        let entries = try await store.allEntries().map { try $0.get() }
        let path = world.folder + "/v9.sqlite"
        try DetailMigrationTests.makeV7(path, entries: entries, tablesFrom: world.storePath)
        let queue = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(queue, upTo: Self.v9)
        try queue.close()
        let tables = try CompactMigrationTests.dump(path)

        #expect(try StoreSchema.upgrade(path) == (9, StoreSchema.version))
        let migrated = try SQLiteProgressStore(path: path, create: false)
        let service = ProgressService(store: migrated, validator: try CurriculumValidator())
        #expect(try await migrated.allEntries().map { try $0.get() } == entries)
        #expect(try await service.verifyLedger().isIntact)
        #expect(try await migrated.projectionProblems() == [])
        #expect(try CompactMigrationTests.dump(path) == tables)

        // The same identities as the store they came from, the amendment included.
        #expect(try await migrated.trainee(world.trainee) == (try await store.trainee(world.trainee)))
        #expect(try await migrated.trainee(world.trainee)?.jobTitle == "Supervisor")
        #expect(try await migrated.trainee(TraineeID("T404")) == nil)
        let rfc = try RFC(TestWorld.employer)
        #expect(try await migrated.organisation(rfc) == (try await store.organisation(rfc)))
        #expect(try await migrated.assessor(world.assessor) == (try await store.assessor(world.assessor)))
    }

    /// A lookup by subject reads the subject's entries through the index, never a scan of every
    /// registry entry: SQLite's plan for the query names ``RegistrySubject/index``.
    @Test func aLookupBySubjectUsesTheIndex() async throws {
        let world = try await TestWorld.make()
        let queue = try DatabaseQueue(path: world.storePath)
        defer { try? queue.close() }
        let plan = try await queue.read { db in
            try Row.fetchAll(
                db,
                sql: "EXPLAIN QUERY PLAN SELECT sequence FROM ledger_entry WHERE \(RegistrySubject.condition(.sqlite)) ORDER BY sequence",
                arguments: ["T001"]
            ).map { $0["detail"] as String? ?? "" }.joined(separator: "\n")
        }
        #expect(plan.contains(RegistrySubject.index), "\(plan)")
    }

    /// An entry about another subject never enters a subject's state, and every registry entry of a
    /// subject does: each trainee read alone is the one the whole registry gives, amendments interleaved.
    @Test(arguments: Engine.all) func aSubjectsStateIsTheStateOfItsEntriesOnly(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let store = world.service.store
        let base = try #require(try await store.trainee(world.trainee))
        let others = try (1...2).map { n in try Self.copy(base, id: "T00\(n + 1)", curp: TestWorld.curps[n]) }
        try await store.add(others)
        try await store.amend(Self.copy(others[1], jobTitle: "Jefa de turno"), reason: "r")
        try await store.amend(Self.copy(base, jobTitle: "Supervisora"), reason: "r")
        try await store.amend(Self.copy(others[1], jobTitle: "Gerente"), reason: "r")
        let all = try await store.trainees()
        #expect(all.count == 3)
        for trainee in all { #expect(try await store.trainee(trainee.id) == trainee) }
        #expect(try await store.trainee(TraineeID("T003"))?.jobTitle == "Gerente")
        #expect(try await store.trainee(TraineeID("T001"))?.jobTitle == "Supervisora")
        #expect(try await store.trainee(TraineeID("T002"))?.jobTitle == base.jobTitle)
        let every = try await store.entries(ofKinds: [.trainee, .amendment])
        for trainee in all {
            let own = every.filter { $0.registry?.subject == trainee.id.rawValue }
            #expect(try await store.entries(ofKinds: [.trainee, .amendment], about: trainee.id.rawValue) == own)
        }
        #expect(try await store.entries(ofKinds: [.trainee, .amendment], about: "T404").isEmpty)
    }

    /// `trainee` with another id, CURP or job title.
    static func copy(_ trainee: Trainee, id: String? = nil, curp: String? = nil, jobTitle: String? = nil) throws -> Trainee {
        Trainee(
            id: id.map(TraineeID.init) ?? trainee.id, paternalSurname: trainee.paternalSurname, maternalSurname: trainee.maternalSurname,
            givenNames: trainee.givenNames, curp: try curp.map { try CURP($0) } ?? trainee.curp, employer: trainee.employer,
            occupation: trainee.occupation, jobTitle: jobTitle ?? trainee.jobTitle, occupationKey: trainee.occupationKey)
    }
}
