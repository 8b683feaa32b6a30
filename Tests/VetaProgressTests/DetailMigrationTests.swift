import Foundation
import GRDB
import Testing
import VetaCurricula

@testable import VetaProgress

/// Schema version 8 moves the columns only some kinds use to `ledger_detail` and numbers names per
/// role, without changing what is stored or hashed: a version 7 store with an entry of every kind
/// (and names numbered as version 7 left them) migrates, reads back the same entries, verifies and
/// rebuilds the same tables; a store whose view names a problem is refused and left unchanged.
@Suite struct DetailMigrationTests {
    static let v7 = "v7 import entries in the ledger view"

    /// A version 7 store at `path` holding `entries` and the projection tables of `source`, with a
    /// name of every role no entry uses placed before the others (version 7 numbered names in one
    /// sequence for every role, so version 8 must renumber every id of every entry).
    static func makeV7(_ path: String, entries: [LedgerEntry], tablesFrom source: String) throws {
        try CompactMigrationTests.makeV4(path, entries: entries, tablesFrom: source)
        let queue = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(queue, upTo: v7)
        try queue.write { db in
            for role in LedgerCodes.Role.allCases {
                try db.execute(
                    sql: "INSERT INTO ledger_name (id, role, value) VALUES (?, ?, 'unused')",
                    arguments: [LedgerCodes.Role.allCases.count + 1 - role.rawValue, role.rawValue])
            }
        }
        try queue.close()
    }

    @Test func aVersion7StoreWithEveryKindMigratesAndEveryHashStillVerifies() async throws {
        let world = try await CompactMigrationTests.everyKind()
        let entries = try await world.service.store.allEntries().map { try $0.get() }
        let path = world.folder + "/v7.sqlite"
        try Self.makeV7(path, entries: entries, tablesFrom: world.storePath)
        let tables = try CompactMigrationTests.dump(path)

        #expect(try StoreSchema.upgrade(path) == (7, StoreSchema.version))
        let store = try SQLiteProgressStore(path: path, create: false)
        let service = ProgressService(store: store, validator: try CurriculumValidator())
        #expect(try await store.allEntries().map { try $0.get() } == entries)
        #expect(try await service.verifyLedger().isIntact)
        #expect(try await store.projectionProblems() == [])
        #expect(try CompactMigrationTests.dump(path) == tables)

        let withDetail = entries.filter {
            $0.attachmentSHA256 != nil || $0.corrects != nil || $0.signature != nil || $0.derivedFrom != nil || $0.kind.isRecord
                || $0.kind.isRegistry
        }
        let queue = try DatabaseQueue(path: path)
        let (details, kindsAgree, misnumbered, columns) = try await queue.read { db in
            (
                try Int64.fetchAll(db, sql: "SELECT sequence FROM ledger_detail ORDER BY sequence"),
                try Bool.fetchOne(
                    db, sql: "SELECT COUNT(*) = 0 FROM ledger_detail d JOIN ledger l USING (sequence) WHERE d.kind <> l.kind"),
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ledger_name WHERE id % 16 <> role"),
                try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info('ledger') ORDER BY cid")
            )
        }
        #expect(details == withDetail.map(\.sequence))
        #expect(kindsAgree == true)
        #expect(misnumbered == 0)
        #expect(columns == LedgerDetail.ledgerColumns.components(separatedBy: ", "))

        // Appending after the migration: new names take the next id of their role, and the chain holds.
        _ = try await service.enrol(world.trainee, in: world.ref, on: TestWorld.day("2026-03-01"))
        _ = try await service.record(world.evidence("RIIERR302D", .element(1), date: "2026-03-02"))
        #expect(try await service.verifyLedger().isIntact)
        #expect(try await queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ledger_name WHERE id % 16 <> role") } == 0)
    }

    @Test func aVersion7StoreWithAnIdNamingNothingIsRefusedAndLeftUnchanged() async throws {
        let world = try await CompactMigrationTests.everyKind()
        let entries = try await world.service.store.allEntries().map { try $0.get() }
        let path = world.folder + "/v7.sqlite"
        try Self.makeV7(path, entries: entries, tablesFrom: world.storePath)
        let sequence = try #require(entries.first { $0.kind == .evidence }?.sequence)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false  // as an attacker's SQLite: version 7's ids are foreign keys
        try await DatabaseQueue(path: path, configuration: configuration).write { db in
            try db.execute(sql: "DROP TRIGGER ledger_append_only_update")
            try db.execute(sql: "UPDATE ledger SET unit = 99999 WHERE sequence = ?", arguments: [sequence])
        }
        func contents() throws -> [String] {
            let queue = try DatabaseQueue(path: path)
            defer { try? queue.close() }
            return try queue.read { db in
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
                    + String.fetchAll(db, sql: "SELECT name FROM sqlite_master ORDER BY name")
                    + Row.fetchAll(db, sql: "SELECT * FROM ledger ORDER BY sequence").map(\.description)
                    + Row.fetchAll(db, sql: "SELECT * FROM ledger_name ORDER BY id").map(\.description)
            }
        }
        let before = try contents()
        let refusal = #expect(throws: Refusal.self) { try StoreSchema.upgrade(path) }
        #expect(refusal?.summary.contains("entry \(sequence)") == true, "\(String(describing: refusal))")
        #expect(refusal?.summary.contains("unit holds id 99999") == true)
        #expect(try contents() == before)
    }
}
