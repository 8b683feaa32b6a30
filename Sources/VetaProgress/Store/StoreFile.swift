import Foundation
import GRDB

/// What is at a store path before the store opens it: nothing, a Veta store, or something else.
///
/// Opening a store brings its schema up to date and switches SQLite to WAL mode, both of which
/// write to the file; so a path is looked at first, read-only, and refused unless it is a Veta
/// store (or may become one).
public enum StoreFile {
    /// The identifier of Veta's first migration, recorded in every Veta store.
    static let firstMigration = "v1 curricula, registry, ledger"

    /// Every migration this veta knows (the record registry's included: one migrator per store
    /// file); a store with any other applied is newer than this veta.
    static var knownMigrations: Set<String> { Set(Migrations.migrator.migrations) }

    /// Checks `path` before opening it.
    ///
    /// - Parameter create: Whether a missing or empty file may become a new store (commands that
    ///   write); otherwise only an existing Veta store is accepted.
    /// - Returns: The migrations applied to the store (empty when there is none yet).
    /// - Throws: ``StoreError`` `.storage` when there is no store and `create` is false, when the
    ///   file is not a Veta store, or when its schema is newer than this veta knows; the file is
    ///   left as it was.
    @discardableResult
    static func check(_ path: String, create: Bool) throws -> Set<String> {
        if let reason = notAFilePath(path) { throw StoreError(.storage, "\(path) is not a store file path: \(reason)") }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            guard create else { throw missing(path) }
            return []
        }
        guard !isFolder.boolValue else { throw StoreError(.storage, "\(path) is a folder, not a store file") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError(.storage, "cannot read the store at \(path)")
        }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        try? handle.close()
        if header.isEmpty {
            guard create else { throw missing(path) }
            return []
        }
        guard header == Data("SQLite format 3\0".utf8) else { throw foreign(path, "it is not a SQLite database") }
        let tables: [String]
        let migrations: [String]
        do {
            var configuration = Configuration()
            configuration.readonly = true
            // Another process may be writing (WAL checkpoint, recovery): wait as the store itself does.
            configuration.busyMode = .timeout(30)
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            (tables, migrations) = try queue.read { db in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                guard tables.contains("grdb_migrations") else { return (tables, []) }
                return (tables, try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
            }
        } catch {
            throw foreign(path, "SQLite cannot read it: \((error as? DatabaseError)?.message ?? "\(error)")")
        }
        if tables.isEmpty {
            guard create else { throw missing(path) }
            return []
        }
        guard migrations.contains(firstMigration) else {
            throw foreign(path, "it is a SQLite database without Veta's tables, perhaps another program's")
        }
        let unknown = Set(migrations).subtracting(knownMigrations)
        guard unknown.isEmpty else { throw StoreSchema.newer(path, unknown: unknown, applied: Set(migrations)) }
        return Set(migrations)
    }

    /// Why SQLite would read `path` as something other than the file it names, or nil: a `file:` URI
    /// (which would open whatever file the URI names, past every check made on `path`), the
    /// in-memory database, or nothing at all.
    public static func notAFilePath(_ path: String) -> String? {
        if path.isEmpty { return "it is empty" }
        if path == ":memory:" || path.hasPrefix(":memory:") { return "SQLite reads it as a database in memory, which keeps nothing" }
        if path.lowercased().hasPrefix("file:") { return "SQLite reads it as a URI; give the file's path without file:" }
        return nil
    }

    private static func missing(_ path: String) -> StoreError {
        StoreError(
            .storage,
            "no store at \(path) (create one with `veta publish FILE`, or give the right --store or $VETA_STORE)")
    }

    private static func foreign(_ path: String, _ why: String) -> StoreError {
        StoreError(.storage, "\(path) is not a Veta store (\(why)); it was left unchanged. Give the path of a Veta store with --store")
    }
}
