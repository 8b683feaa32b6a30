import Foundation
import Testing
import VetaCurricula
import VetaPostgres

@testable import VetaProgress

/// A PostgreSQL store of schema version 1 (the SQLite layout of store schema version 7: every column
/// in `ledger`, names numbered in one sequence) moves to version 2 (the version 8 layout) without
/// changing what is stored or hashed, and on to version 3 (the index on a registry entry's subject);
/// a reading command refuses it untouched until it is upgraded.
@Suite struct PostgresMigrationTests {
    /// Turns the version 2 store at `url` back into the version 1 layout, row for row.
    static func makeVersion1(_ url: String) throws {
        let v1 = StoreLayout.ledgerV5
        let columns = v1.columnNames
        let roles = Set(LedgerCodes.Role.allCases.map(\.column))
        let source = v1.columns.map { column -> String in
            if roles.contains(column.name) { return "(SELECT r.new FROM renumber r WHERE r.old = l.\(column.name))" }
            return LedgerDetail.columns.components(separatedBy: ", ").contains(column.name) ? "d.\(column.name)" : "l.\(column.name)"
        }.joined(separator: ", ")
        let evidence = LedgerCodes.code(.evidence)
        let statements = [
            "DROP VIEW ledger_entry",
            "DROP INDEX ledger_by_trainee, ledger_by_kind, ledger_by_serial, ledger_by_attachment, ledger_one_issue, "
                + "ledger_one_revocation, ledger_one_supersession",
            "ALTER TABLE ledger RENAME TO ledger_v2", "ALTER TABLE ledger_v2 RENAME CONSTRAINT ledger_pkey TO ledger_v2_pkey",
            "ALTER TABLE ledger_name RENAME TO ledger_name_v2",
            "ALTER TABLE ledger_name_v2 RENAME CONSTRAINT ledger_name_pkey TO ledger_name_v2_pkey",
            "ALTER TABLE ledger_name_v2 RENAME CONSTRAINT ledger_name_role_value_key TO ledger_name_v2_role_value_key",
            StoreLayout.ledgerName.create(.postgresql), v1.create(.postgresql),
            // Version 1 numbered names in one sequence for every role: ids 1, 2, 3... in the order of the version 2 ids.
            "CREATE TEMP TABLE renumber AS SELECT id AS old, ROW_NUMBER() OVER (ORDER BY id) AS new FROM ledger_name_v2",
            "INSERT INTO ledger_name (id, role, value) SELECT r.new, n.role, n.value FROM ledger_name_v2 n JOIN renumber r ON r.old = n.id",
            "INSERT INTO ledger (\(columns)) SELECT \(source) FROM ledger_v2 l LEFT JOIN ledger_detail d USING (sequence) ORDER BY l.sequence",
        ]
        let rest = [
            "DROP TABLE ledger_detail", "DROP TABLE ledger_v2", "DROP TABLE ledger_name_v2",
            "CREATE INDEX ledger_by_trainee ON ledger(trainee)",
            "CREATE INDEX ledger_by_kind ON ledger(kind, sequence) WHERE kind <> \(evidence)",
            "CREATE INDEX ledger_by_serial ON ledger(serial, sequence) WHERE serial IS NOT NULL",
            "CREATE INDEX ledger_by_attachment ON ledger(attachment_sha256) WHERE attachment_sha256 IS NOT NULL",
            "CREATE UNIQUE INDEX ledger_one_issue ON ledger(serial) WHERE kind = \(LedgerCodes.code(.issue))",
            "CREATE UNIQUE INDEX ledger_one_revocation ON ledger(serial) WHERE kind = \(LedgerCodes.code(.revocation))",
            "CREATE UNIQUE INDEX ledger_one_supersession ON ledger(serial) WHERE kind = \(LedgerCodes.code(.supersession))",
            CompactLedgerRow.view(detail: false, dialect: .postgresql),
            "DELETE FROM veta_schema", "INSERT INTO veta_schema (version) VALUES (1)",
        ]
        try Engine.psql(url, (statements + rest).joined(separator: ";\n"))
    }

    @Test(arguments: Engine.all.filter { $0 == .postgresql }) func aVersion1StoreMovesToVersion2AndEveryHashStillVerifies(
        engine: Engine
    ) async throws {
        let world = try await TestWorld.make(engine: engine)
        let wrong = try await world.service.record(world.evidence("RIIWHS201E", .element(1), date: "2026-01-20"))
        _ = try await world.service.correct(wrong.sequence, reason: "otra persona", on: TestWorld.day("2026-01-21"))
        try await world.completeSafetyUnit()
        _ = try await world.service.signOff(
            world.trainee, unit: UnitCode("RIIWHS201E"), in: world.ref, by: world.assessor, on: TestWorld.day("2026-02-05"),
            key: world.key)
        let entries = try await world.service.store.allEntries().map { try $0.get() }
        try Self.makeVersion1(world.storePath)
        #expect(try Engine.psql(world.storePath, "SELECT count(*) FROM ledger_name WHERE id % 16 <> role") != "0\n")

        let address = try #require(try PostgresAddress.parse(world.storePath))
        let reader = try PostgresProgressStore(address: address, create: false)
        await #expect(throws: StoreError.self) { _ = try await reader.ledgerEnd() }
        #expect(try Engine.psql(world.storePath, "SELECT max(version) FROM veta_schema") == "1\n")

        // Version 3 (the subject index, ``RegistrySubject``) follows version 2 in the same upgrade.
        #expect(try await PostgresProgressStore.upgrade(address) == (1, 3))
        #expect(try await PostgresProgressStore.upgrade(address) == (3, 3))
        #expect(try Engine.psql(world.storePath, "SELECT count(*) FROM pg_indexes WHERE indexname = 'ledger_by_subject'") == "1\n")
        let store = try engine.open(world.storePath)
        let service = ProgressService(store: store, validator: world.service.validator)
        #expect(try await store.allEntries().map { try $0.get() } == entries)
        #expect(try await service.verifyLedger().isIntact)
        #expect(try await store.projectionProblems() == [])
        #expect(try await store.trainee(world.trainee) != nil)
        #expect(try Engine.psql(world.storePath, "SELECT count(*) FROM ledger_name WHERE id % 16 <> role") == "0\n")
        let details = try Engine.psql(world.storePath, "SELECT count(*) FROM ledger_detail")
        #expect(details == "\(entries.filter(LedgerDetail.hasDetail).count)\n")

        // Appending after the migration: new names take the next id of their role, and the chain holds.
        try await store.add(
            Trainee(
                id: TraineeID("T002"), paternalSurname: "Ruiz", maternalSurname: "Soto", givenNames: "Eva",
                curp: try CURP(TestWorld.curps[1]),
                employer: try RFC(TestWorld.employer), occupation: "Operadora", jobTitle: "Operadora"))
        _ = try await service.enrol(TraineeID("T002"), in: world.ref, on: TestWorld.day("2026-02-08"))
        #expect(try await service.verifyLedger().isIntact)
        #expect(try Engine.psql(world.storePath, "SELECT count(*) FROM ledger_name WHERE id % 16 <> role") == "0\n")
    }
}
