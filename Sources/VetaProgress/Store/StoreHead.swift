import Foundation
import GRDB

/// Where a store's log ends, read without opening the store for writing: what a command checks
/// against the newest checkpoint before it writes anything.
public enum StoreHead {
    /// The log's last sequence and the stored hash of entry `sequence` (nil when the log has no such
    /// entry), read read-only; `nil` when there is no store at `path` yet.
    ///
    /// - Throws: ``StoreError`` `.storage` when the file cannot be read as a Veta store.
    public static func read(_ path: String, hashAt sequence: Int64) throws -> (end: Int64, hash: String?)? {
        guard FileManager.default.fileExists(atPath: path), (try? StoreFile.check(path, create: true))?.isEmpty == false else {
            return nil
        }
        do {
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(30)
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in
                let end = try Int64.fetchOne(db, sql: "SELECT MAX(sequence) FROM ledger_entry") ?? 0
                let stored = try DatabaseValue.fetchOne(db, sql: "SELECT hash FROM ledger_entry WHERE sequence = ?", arguments: [sequence])
                return (end, stored.flatMap { String.fromDatabaseValue($0) })
            }
        } catch {
            throw StoreError(.storage, "cannot read the store at \(path): \((error as? DatabaseError)?.message ?? "\(error)")")
        }
    }
}
