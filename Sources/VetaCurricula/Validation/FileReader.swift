import Foundation

/// Reads a whole file with one `open`, one `fstat` and as few `read`s as its size needs, and
/// refuses to read one over the limit. It runs once per file in a catalogue.
enum FileReader {
    enum Content {
        case bytes([UInt8])
        case tooLarge(Int)
    }

    static func read(_ path: String, limit: Int) throws(CurriculumIOError) -> Content {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw CurriculumIOError(path: path, reason: reason(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw CurriculumIOError(path: path, reason: reason(errno)) }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw CurriculumIOError(path: path, reason: "not a regular file") }
        let size = Int(status.st_size)
        guard size <= limit else { return .tooLarge(size) }
        // One byte of slack catches a file that grew after fstat.
        var failure: Int32?
        let bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
            count = 0
            while count < buffer.count {
                let got = Foundation.read(descriptor, buffer.baseAddress.map { $0 + count }, buffer.count - count)
                if got < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if got == 0 { break }
                count += got
            }
        }
        if let failure { throw CurriculumIOError(path: path, reason: reason(failure)) }
        guard bytes.count <= limit else { return .tooLarge(bytes.count) }
        return .bytes(bytes)
    }

    private static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file"
        case EACCES: "permission denied"
        case EISDIR: "is a folder"
        default: "cannot read the file (\(String(cString: strerror(code))))"
        }
    }
}
