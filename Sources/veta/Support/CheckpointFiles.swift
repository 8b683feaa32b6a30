import Foundation
import VetaProgress

/// Reading and writing checkpoint files, and the keys that check them.
enum CheckpointFiles {
    /// The extension of checkpoint files in a checkpoint folder.
    static let fileExtension = "checkpoint"

    /// The files named by `--checkpoint`: a file, or a folder meaning every `*.checkpoint` in it (by name).
    static func read(_ paths: [String]) throws -> [CheckpointVerifier.File] {
        var files: [CheckpointVerifier.File] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw StoreError(.storage, "cannot read the checkpoint \(path): no such file")
            }
            let names =
                isFolder.boolValue
                ? try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix("." + fileExtension) }.sorted()
                    .map { path + "/" + $0 }
                : [path]
            for name in names {
                guard let handle = FileHandle(forReadingAtPath: name) else {
                    throw StoreError(.storage, "cannot read the checkpoint \(name)")
                }
                defer { try? handle.close() }
                // A note larger than the limit is refused by its reader: read one byte more than that.
                let data = (try? handle.read(upToCount: SignedNote.maximumSize + 1)) ?? Data()
                files.append((name, .success(Array(data))))
            }
        }
        return files
    }

    /// A `--key-public` value: a verifier key `NAME+KEYID+BASE64`, or a public key (JWK, `z6Mk…`,
    /// base64url), given as is or as a file holding it.
    static func verifierKey(_ value: String) throws -> NoteVerifierKey {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: value, isDirectory: &isFolder)
        if exists && isFolder.boolValue { throw StoreError(.storage, "cannot read --key-public \(value): it is a folder, not a key file") }
        if exists && !FileManager.default.isReadableFile(atPath: value) { throw StoreError(.storage, "cannot read --key-public \(value)") }
        if !exists && looksLikePath(value) { throw StoreError(.storage, "cannot read --key-public \(value): no such file") }
        let text = exists ? ((try? String(contentsOfFile: value, encoding: .utf8)) ?? "") : value
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            return try verifierKey(parsing: trimmed)
        } catch {
            throw Refusal("--key-public \(value.prefix(80)): \(error)")
        }
    }

    /// Whether a `--key-public` value that is no file was meant as one: a path with `/` and no `+`
    /// (a verifier key's base64 may hold `/`, but always comes after two `+`), or a key file's name.
    static func looksLikePath(_ value: String) -> Bool {
        (value.contains("/") && !value.contains("+") && !value.hasPrefix("{"))
            || [".jwk", ".pub", ".key", ".txt", ".json"].contains { value.lowercased().hasSuffix($0) }
    }

    private static func verifierKey(parsing trimmed: String) throws(KeyError) -> NoteVerifierKey {
        // NAME+KEYID+BASE64, whose standard base64 may itself hold "+" (base64url, z6Mk… and JWK never do).
        if trimmed.split(separator: "+", omittingEmptySubsequences: false).count >= 3, !trimmed.hasPrefix("{") {
            return try NoteVerifierKey(verifierKey: trimmed)
        }
        return NoteVerifierKey(publicKey: try PublicSigningKey(trimmed))
    }

    /// The key name a key file signs under: `--key-name`, else the file's name without `.private.jwk`.
    static func keyName(_ given: String?, keyPath: String) -> String {
        if let given { return given }
        let base = (keyPath as NSString).lastPathComponent
        for suffix in [".private.jwk", ".jwk"] where base.hasSuffix(suffix) { return String(base.dropLast(suffix.count)) }
        return base
    }

    /// Writes `text` to `path` atomically (a temporary file, then a hard link that fails when `path`
    /// exists), so a checkpoint is never overwritten or half-written.
    static func write(_ text: String, to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        let temporary = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
            throw StoreError(.storage, "cannot write the checkpoint \(path)")
        }
        defer { unlink(temporary) }
        guard link(temporary, path) == 0 else {
            if errno == EEXIST { throw Refusal("\(path) already exists; checkpoints are never overwritten") }
            throw StoreError(.storage, "cannot write the checkpoint \(path): \(String(cString: strerror(errno)))")
        }
    }
}
