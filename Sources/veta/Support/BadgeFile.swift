import Foundation
import VetaProgress

/// How `veta badge` writes its image: an existing file is refused (exit 1, left as it was) unless
/// `--force` is given, as every other writer of a named file refuses one.
enum BadgeFile {
    /// The refusal when `path` exists (checked before the store is read, so nothing is done).
    static func refuseExisting(_ path: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            // A symbolic link whose target does not exist: there is something at the path all the same.
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) else { return }
            throw Refusal(
                "\(path) is a symbolic link to \(target), which does not exist; it was not changed",
                reasons: ["choose another --out, remove the link first, or pass --force to replace the link with the image"])
        }
        throw Refusal(
            "\(path) already exists; it was not changed",
            reasons: [
                "choose another --out, remove the file first, or pass --force to replace it"
                    + (isFolder.boolValue ? " (it is a folder: --force does not replace a folder)" : "")
            ])
    }

    /// Creates `path` holding `bytes`; a file that appeared since the check is refused, not overwritten
    /// (O_EXCL makes the check and the creation one step). A half-written file is removed.
    static func create(_ path: String, bytes: Data) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let code = errno
            if code == EEXIST { try refuseExisting(path) }
            throw ioError(path, code)
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: bytes)
            try handle.synchronize()
        } catch {
            unlink(path)
            throw ioError(path, EIO)
        }
    }

    /// An I/O failure on `path` (exit 2, "cannot use PATH: reason").
    private static func ioError(_ path: String, _ code: Int32) -> CocoaError {
        CocoaError(
            .fileWriteUnknown,
            userInfo: [NSFilePathErrorKey: path, NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(code))])
    }
}
