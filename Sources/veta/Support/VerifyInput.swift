import Foundation
import VetaProgress

/// Reads the file `veta verify` checks, refusing one above ``limit`` bytes before reading it.
enum VerifyInput {
    /// The largest file `veta verify` reads: 16 MiB (a credential is a few KB, a badge or DC-3 far less than this).
    static let limit = 16 * 1024 * 1024

    /// The file's bytes, or a storage error (exit 2): missing, unreadable or larger than ``limit``.
    static func read(_ path: String) throws -> Data {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let attributes, let size = (attributes[.size] as? NSNumber)?.intValue else {
            throw StoreError(.storage, "cannot read \(path): no such file, or not readable")
        }
        guard attributes[.type] as? FileAttributeType != .typeDirectory else {
            throw StoreError(.storage, "cannot read \(path): it is a folder, not a file")
        }
        guard size <= limit else {
            throw StoreError(
                .storage, "\(path) has \(size) bytes, more than the \(limit) veta verify reads: not a credential, badge or DC-3")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw StoreError(.storage, "cannot read \(path)") }
        defer { try? handle.close() }
        // Read one byte past the limit: a file that grew after the size check is still refused.
        let data = (try? handle.read(upToCount: limit + 1)) ?? Data()
        guard data.count <= limit else { throw StoreError(.storage, "\(path) is larger than the \(limit) bytes veta verify reads") }
        return data
    }
}
