import Foundation
import GRDB
import Testing
import VetaCurricula

@testable import VetaProgress

/// Schema version 5 moves the ledger to its compact layout without changing what is hashed: a
/// version 4 store with an entry of every kind migrates, reads back the same entries, verifies,
/// and rebuilds the same tables; a store whose rows are not exact is refused and left unchanged.
@Suite struct CompactMigrationTests {
    static let v4 = "v4 registry in the ledger"
    static let projections = [
        "organisation ORDER BY rfc", "site ORDER BY organisation_rfc, name", "trainee ORDER BY id", "assessor ORDER BY id",
        "assessor_unit ORDER BY assessor_id, unit_code", "curriculum ORDER BY code, version", "issuer ORDER BY id",
    ]

    /// A world with an entry of every kind (the record kinds appended as the record service does).
    static func everyKind() async throws -> TestWorld {
        let world = try await TestWorld.make()
        let store = world.service.store
        try await world.completeSafetyUnit()
        _ = try await world.service.signOff(
            world.trainee, unit: UnitCode("RIIWHS201E"), in: world.ref, by: world.assessor, on: TestWorld.day("2026-02-05"), key: world.key)
        let evidence = try await world.service.record(world.evidence("RIIERR302D", .element(1), date: "2026-02-06"))
        _ = try await world.service.correct(evidence.sequence, reason: "wrong unit", on: TestWorld.day("2026-02-07"))
        try await store.amend(
            Organisation(
                rfc: try RFC(TestWorld.employer), name: "Minera", sites: ["Mina Saucito", "Mina, Saucito", "Mina Saucito, nivel 3", "Otra"]),
            reason: "r")
        try await store.authorise(world.assessor, for: UnitCode("RIIERR302D"), on: TestWorld.day("2026-02-08"), granted: false)
        try await store.authorise(world.assessor, for: UnitCode("RIIERR302D"), on: TestWorld.day("2026-02-09"), granted: true)
        let key = SigningKey().publicKey.base64URL
        let fields = ["name": "Centro", "rfc": TestWorld.employer, "publicKey": key]
        let sqlite = try #require(store as? SQLiteProgressStore)
        try await sqlite.write { db in
            try db.execute(
                sql: "INSERT INTO issuer (id, name, rfc, stps_registration, public_key) VALUES ('I01', 'Centro', ?, NULL, ?)",
                arguments: [TestWorld.employer, key])
            try RegistryLog.append(
                [.registry(.issuer, subject: "I01", fields: fields, date: TestWorld.day("2026-02-09"))], in: db,
                recordedAt: "2026-02-09T10:00:00Z")
        }
        let sha = String(repeating: "ab", count: 32)
        func record(_ kind: LedgerEntry.Kind, _ details: RecordDetails, note: String? = nil) -> LedgerEntry {
            var entry = LedgerEntry(
                kind: kind, trainee: world.trainee, curriculum: world.ref, date: TestWorld.day("2026-02-10"), unit: UnitCode("RIIWHS201E"),
                note: note, attachmentSHA256: kind == .issue ? sha : nil)
            entry.record = details
            return entry
        }
        _ = try await store.append(
            [
                record(
                    .issue, RecordDetails(serial: "VETA-2026-000001", format: "dc3", issuer: "I01", validFrom: TestWorld.day("2026-02-10"))),
                record(
                    .issue, RecordDetails(serial: "VETA-2026-000002", format: "ob3", issuer: "I01", checkpointSize: 3, checkpointHash: sha)),
                record(.revocation, RecordDetails(serial: "VETA-2026-000001"), note: "error"),
                record(.supersession, RecordDetails(serial: "VETA-2026-000002", supersededBy: "VETA-2026-000003")),
            ], seal: { _ in })
        _ = try await world.service.withdraw(world.trainee, from: world.ref, on: TestWorld.day("2026-02-11"), reason: "left")
        return world
    }

    /// A version 4 store at `path` with `entries` in its text table and the projection tables of `source`.
    static func makeV4(_ path: String, entries: [LedgerEntry], tablesFrom source: String) throws {
        let queue = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(queue, upTo: v4)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS source", arguments: [source])
            try db.inTransaction {
                for table in projections.map({ $0.prefix { $0 != " " } }) {
                    try db.execute(sql: "INSERT INTO main.\(table) SELECT * FROM source.\(table)")
                }
                for entry in entries { try db.execute(sql: LedgerRow.insertSQL, arguments: LedgerRow.arguments(entry)) }
                return .commit
            }
            try db.execute(sql: "DETACH DATABASE source")
        }
        try queue.close()
    }

    static func dump(_ path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            try projections.flatMap { table in try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { "\(table): \($0)" } }
        }
    }

    @Test func aVersion4StoreWithEveryKindMigratesAndEveryHashStillVerifies() async throws {
        let world = try await Self.everyKind()
        let entries = try await world.service.store.allEntries().map { try $0.get() }
        // Every kind a version 4 store can hold (lifecycle, setting, import and receipt entries came after it).
        #expect(Set(entries.map(\.kind)) == Set(LedgerEntry.Kind.allCases).subtracting([.lifecycle, .setting, .importBatch, .receipt]))
        let path = world.folder + "/v4.sqlite"
        try Self.makeV4(path, entries: entries, tablesFrom: world.storePath)
        let tables = try Self.dump(path)

        #expect(try StoreSchema.upgrade(path) == (4, StoreSchema.version))
        let store = try SQLiteProgressStore(path: path, create: false)
        let service = ProgressService(store: store, validator: try CurriculumValidator())
        #expect(try await store.allEntries().map { try $0.get() } == entries)
        #expect(try await service.verifyLedger().isIntact)
        #expect(try await store.projectionProblems() == [])
        #expect(try Self.dump(path) == tables)

        // The compact rows: codes, ids and 32-byte hashes; no text table left.
        let queue = try DatabaseQueue(path: path)
        let (blobs, tablesLeft) = try await queue.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ledger WHERE typeof(hash) = 'blob' AND length(hash) = 32"),
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'ledger%' ORDER BY name")
            )
        }
        #expect(blobs == entries.count)
        #expect(tablesLeft == ["ledger", "ledger_detail", "ledger_name"])

        // `veta store rebuild`: the tables emptied behind Veta's back come back from the log alone.
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        try await DatabaseQueue(path: path, configuration: configuration).write { db in
            try db.execute(
                sql: "DELETE FROM site; DELETE FROM assessor_unit; DELETE FROM assessor; DELETE FROM trainee; DELETE FROM organisation")
        }
        _ = try await store.rebuildProjections(after: try await store.ledgerEnd())
        #expect(try Self.dump(path) == tables)
        #expect(try await service.verifyLedger().isIntact)

        // Appending after the migration chains on the migrated head.
        _ = try await service.enrol(world.trainee, in: world.ref, on: TestWorld.day("2026-03-01"))
        #expect(try await service.verifyLedger().isIntact)
    }

    @Test func aVersion4StoreWithARowNotStoredExactlyIsRefusedAndLeftUnchanged() async throws {
        let world = try await Self.everyKind()
        var entries = try await world.service.store.allEntries().map { try $0.get() }
        entries[3].hash = entries[3].hash.uppercased()
        let path = world.folder + "/v4.sqlite"
        try Self.makeV4(path, entries: entries, tablesFrom: world.storePath)
        func contents() throws -> [String] {
            let queue = try DatabaseQueue(path: path)
            defer { try? queue.close() }
            return try queue.read { db in
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
                    + String.fetchAll(db, sql: "SELECT name FROM sqlite_master ORDER BY name")
                    + Row.fetchAll(db, sql: "SELECT * FROM ledger_entry ORDER BY sequence").map(\.description)
            }
        }
        let before = try contents()
        let refusal = #expect(throws: Refusal.self) { try StoreSchema.upgrade(path) }
        #expect(refusal?.summary.contains("entry 4") == true, "\(String(describing: refusal))")
        #expect(refusal?.summary.contains("hash is not 64 lowercase hex digits") == true)
        #expect(try contents() == before)
    }

    @Test func everyCodeIsDistinctAndEveryKindMethodAndOutcomeHasOne() {
        #expect(Set(LedgerCodes.kinds.map(\.1)).count == LedgerEntry.Kind.allCases.count)
        #expect(Set(LedgerCodes.kinds.map(\.0)) == Set(LedgerEntry.Kind.allCases))
        #expect(Set(LedgerCodes.methods.map(\.1)).count == EvidenceMethod.allCases.count)
        #expect(Set(LedgerCodes.methods.map(\.0)) == Set(EvidenceMethod.allCases))
        #expect(Set(LedgerCodes.outcomes.map(\.0)) == Set(Outcome.allCases))
    }

    @Test func hashesAreStoredAsTheirBytesOnlyWhenWrittenExactly() {
        let hex = String(repeating: "0f", count: 32)
        #expect(CompactLedgerRow.bytes(hex) == Data(repeating: 0x0f, count: 32))
        #expect(CompactLedgerRow.bytes(hex.uppercased()) == nil)
        #expect(CompactLedgerRow.bytes(String(hex.dropLast())) == nil)
        #expect(CompactLedgerRow.bytes(hex + "00") == nil)
        #expect(CompactLedgerRow.bytes(String(hex.dropLast()) + "g") == nil)
    }
}
