import ArgumentParser
import Foundation

/// Creates a file that must not exist yet: an existing file is refused (exit 1) and left as it was.
enum NewFile {
    static func create(_ path: String, contents: String) throws {
        // O_EXCL: the check and the creation are one step, so a file that appears meanwhile is not overwritten.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            if errno == EEXIST {
                Terminal.err("veta: \(path) already exists; it was not changed. Choose another --out, or remove the file first.\n")
                throw ExitCode(1)
            }
            Terminal.err("veta: error: cannot create \(path): \(reason)\n")
            throw ExitCode(2)
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: Data(contents.utf8))
            try handle.synchronize()
        } catch {
            // Half-written: remove what was created rather than leave a broken file.
            unlink(path)
            Terminal.err("veta: error: cannot write \(path): \(error.localizedDescription)\n")
            throw ExitCode(2)
        }
    }
}
