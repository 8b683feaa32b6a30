import Foundation
import VetaProgress

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes an issued record's file so that it appears whole or not at all, and leaves no temporary
/// file behind, even when the process is killed.
///
/// On Linux the bytes go to an unnamed file in the target folder (`O_TMPFILE`), which is linked
/// under its name only once complete: a kill before that leaves nothing, since the kernel frees
/// the unnamed file. Elsewhere (or on a file system without `O_TMPFILE`) a temporary file in the
/// same folder is renamed over the name, and removed when anything fails.
enum ArtifactFile {
    /// Creates `path` and its parents when missing.
    static func createFolder(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw StoreError(.storage, "cannot create the folder \(path)")
        }
    }

    /// Writes `bytes` to `path` atomically; `replacing` allows an existing file to be replaced.
    static func write(_ bytes: [UInt8], to path: String, serial: String, replacing: Bool = false) throws {
        func failure(_ reason: String) -> StoreError {
            StoreError(
                .storage,
                "\(serial) is registered, but its file could not be written to \(path) (\(reason)); write it again with "
                    + "`veta reexport \(serial) --out FOLDER`")
        }
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        if !replacing && FileManager.default.fileExists(atPath: path) { throw failure("a file of that name is already there") }
        #if os(Linux)
            let unnamed = open(folder, 0o20000000 | O_DIRECTORY | O_WRONLY, 0o644)  // O_TMPFILE
            if unnamed >= 0 {
                defer { close(unnamed) }
                guard writeAll(unnamed, bytes), fsync(unnamed) == 0 else { throw failure(String(cString: strerror(errno))) }
                if replacing { unlink(path) }
                if linkat(AT_FDCWD, "/proc/self/fd/\(unnamed)", AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0 { return }
                if errno == EEXIST { throw failure("a file of that name is already there") }
                // No /proc to link through: fall back to a named temporary file.
            }
        #endif
        var template = Array((folder + "/.\(serial).XXXXXX.tmp").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemps($0, 4) } ?? -1
        }
        guard descriptor >= 0 else { throw failure(String(cString: strerror(errno))) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var written = writeAll(descriptor, bytes) && fsync(descriptor) == 0
        let reason = String(cString: strerror(errno))
        close(descriptor)
        if written {
            written = rename(temporary, path) == 0
        }
        if !written {
            unlink(temporary)
            throw failure(reason)
        }
    }

    private static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += count
        }
        return true
    }
}

#if canImport(Glibc)
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    private let systemWrite = Darwin.write
#endif
