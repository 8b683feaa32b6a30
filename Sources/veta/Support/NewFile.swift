import ArgumentParser
import Foundation

/// Creates a file that must not exist yet: an existing file is refused (exit 1) and left as it was.
/// With `json`, a failure also prints its one JSON error document on stdout; `option` is the option
/// that named the file, for the refusal's fix.
enum NewFile {
    static func create(_ path: String, contents: String, json: Bool = false, option: String = "--out") throws {
        func fail(_ code: String, _ exit: Int32, _ message: String, label: String = "error: ") -> ExitCode {
            Terminal.err("veta: \(label)\(message)\n")
            if json { JSONError(code: code, exitCode: exit, message: message).print() }
            return ExitCode(exit)
        }
        // O_EXCL: the check and the creation are one step, so a file that appears meanwhile is not overwritten.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let code = errno
            let reason = String(cString: strerror(code))
            if code == EEXIST, !FileManager.default.fileExists(atPath: path),
                let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path)
            {
                throw fail(
                    "refused", 1,
                    "\(path) is a symbolic link to \(target), which does not exist; it was not changed. Choose another \(option), or remove the link first.",
                    label: "")
            }
            if code == EEXIST {
                throw fail(
                    "refused", 1, "\(path) already exists; it was not changed. Choose another \(option), or remove the file first.",
                    label: "")
            }
            throw fail("storage", 2, "cannot create \(path): \(reason)")
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: Data(contents.utf8))
            try handle.synchronize()
        } catch {
            // Half-written: remove what was created rather than leave a broken file.
            unlink(path)
            throw fail("storage", 2, "cannot write \(path): \(error.localizedDescription)")
        }
    }
}
