import Foundation
import Testing
import VetaProgress

/// Only a command that writes may create a store, and nothing that is not a Veta store is ever opened as one.
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
}
