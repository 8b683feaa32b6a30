import Foundation
import GRDB
import Testing

@testable import VetaProgress

/// Only a command that writes may create a store, nothing that is not a Veta store is ever opened as
/// one, a store newer than this veta is refused untouched, and a read-only opening writes nothing.
@Suite struct StoreOpeningTests {
    static func folder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("veta-open-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    static func storageError(_ body: () throws -> Void) -> StoreError? {
        do {
            try body()
            return nil
        } catch let error as StoreError {
            return error
        } catch {
            return nil
        }
    }

    @Test func aMissingStoreIsRefusedWithoutCreatingAnythingUnlessTheCommandWrites() throws {
        let folder = try Self.folder()
        let path = folder + "/no/such/dir/veta.sqlite"
        let error = Self.storageError { _ = try SQLiteProgressStore(path: path, create: false) }
        #expect(error?.kind == .storage)
        #expect(error?.message.contains("no store at \(path)") == true)
        #expect(!FileManager.default.fileExists(atPath: folder + "/no"))
        _ = try SQLiteProgressStore(path: path, create: true)
        #expect(FileManager.default.fileExists(atPath: path))
        _ = try SQLiteProgressStore(path: path, create: false)
    }

    @Test func anotherProgramsSQLiteFileIsRefusedAndLeftByteForByteUnchanged() throws {
        let folder = try Self.folder()
        let path = folder + "/other.sqlite"
        let made = Process()
        made.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        made.arguments = [path, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('hola');"]
        try made.run()
        made.waitUntilExit()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for create in [false, true] {
            let error = Self.storageError { _ = try SQLiteProgressStore(path: path, create: create) }
            #expect(error?.message.contains("is not a Veta store") == true, "create: \(create)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func aFileThatIsNotSQLiteIsRefusedAndLeftUnchanged() throws {
        let folder = try Self.folder()
        let path = folder + "/notes.txt"
        let text = Data("trainee,curriculum\nT001,VTOPHT\n".utf8)
        try text.write(to: URL(fileURLWithPath: path))
        for create in [false, true] {
            let error = Self.storageError { _ = try SQLiteProgressStore(path: path, create: create) }
            #expect(error?.message.contains("not a SQLite database") == true, "create: \(create)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == text)
    }

    static func sqlite(_ path: String, _ sql: String) throws {
        let made = Process()
        made.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        made.arguments = [path, sql]
        try made.run()
        made.waitUntilExit()
    }

    static func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// A store with one organisation, closed again (so its write-ahead log is folded into the file).
    static func store(in folder: String) async throws -> String {
        let path = folder + "/veta.sqlite"
        try await SQLiteProgressStore(path: path).add(Organisation(rfc: try RFC("MFR110315AB1"), name: "Minera", sites: []))
        return path
    }

    @Test func aStoreNewerThanThisVetaIsRefusedByEveryOpeningNamingBothVersionsAndLeftUnchanged() async throws {
        let path = try await Self.store(in: try Self.folder())
        let future = StoreSchema.version + 1
        try Self.sqlite(path, "INSERT INTO grdb_migrations (identifier) VALUES ('v\(future) compact schema')")
        let before = try Self.bytes(path)
        for (create, readOnly) in [(true, false), (false, false), (false, true)] {
            let error = Self.storageError { _ = try SQLiteProgressStore(path: path, create: create, readOnly: readOnly) }
            let message = error?.message ?? ""
            #expect(
                message.contains("has schema version \(future), newer than this veta knows (schema version \(StoreSchema.version))"),
                "\(message)")
            #expect(message.contains("\"v\(future) compact schema\"") && message.contains("left unchanged"), "\(message)")
        }
        #expect(Self.storageError { _ = try StoreSchema.upgrade(path) }?.message.contains("newer than this veta") == true)
        #expect(try Self.bytes(path) == before)
        // SQLite's read-only look at a WAL-mode file may leave its empty side files; nothing is logged in them.
        #expect((try? Self.bytes(path + "-wal"))?.isEmpty ?? true)
    }

    @Test func aReadOnlyOpeningNeverCreatesAStoreAndNeverWrites() async throws {
        let folder = try Self.folder()
        let missing = folder + "/mistyped.sqlite"
        #expect(
            Self.storageError { _ = try SQLiteProgressStore(path: missing, create: true, readOnly: true) }?.message.contains("no store at")
                == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        let path = try await Self.store(in: folder)
        let before = try Self.bytes(path)
        let store = try SQLiteProgressStore(path: path, create: false, readOnly: true)
        #expect(try await store.organisation(try RFC("MFR110315AB1"))?.name == "Minera")
        let end = try await store.ledgerEnd()
        #expect(end == 1)  // the organisation's registration
        await #expect(throws: StoreError.self) {
            try await store.add(Organisation(rfc: try RFC("CMP961028AB1"), name: "Otra", sites: []))
        }
        #expect(try await store.organisation(try RFC("CMP961028AB1")) == nil)
        #expect(try Self.bytes(path) == before)
    }

    /// A store made before this veta's last migration: reading commands refuse it untouched and name
    /// the upgrade; `veta store upgrade` (``StoreSchema/upgrade(_:)``) brings it up to date.
    @Test func anOlderStoreIsRefusedReadOnlyUntilUpgraded() throws {
        let path = try Self.folder() + "/old.sqlite"
        do {
            let queue = try DatabaseQueue(path: path)
            try Migrations.migrator.migrate(queue, upTo: StoreFile.firstMigration)
        }
        let before = try Self.bytes(path)
        let error = Self.storageError { _ = try SQLiteProgressStore(path: path, create: false, readOnly: true) }
        let message = error?.message ?? ""
        #expect(message.contains("has schema version 1, older than this veta's (schema version \(StoreSchema.version))"), "\(message)")
        #expect(message.contains("veta store upgrade --store \(path)") && message.contains("left unchanged"), "\(message)")
        #expect(try Self.bytes(path) == before)
        let upgraded = try StoreSchema.upgrade(path)
        #expect(upgraded.from == 1 && upgraded.to == StoreSchema.version)
        _ = try SQLiteProgressStore(path: path, create: false, readOnly: true)
        #expect(try StoreSchema.upgrade(path).from == StoreSchema.version)
    }

    @Test func migrationNumbersAreReadFromTheirNames() {
        #expect(StoreSchema.number("v1 curricula, registry, ledger") == 1)
        #expect(StoreSchema.number("v12 compact") == 12)
        #expect(StoreSchema.number("records v1 issuers, records, events") == nil)
        #expect(StoreSchema.number("v2x") == nil)
        #expect(StoreSchema.number("v") == nil)
        // Every migration but the record registry's first (shipped before versions were numbered) is numbered.
        #expect(StoreSchema.version == Migrations.migrator.migrations.count - 1)
    }
}
