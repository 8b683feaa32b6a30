import Foundation

/// Reads a whole file for publishing or importing; I/O problems become a ``StoreError/Kind/storage`` error.
enum FileBytes {
    static func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StoreError(.storage, "cannot read \(path)")
        }
        return Array(data)
    }
}
