import Foundation

/// Where the CLI writes: results to stdout, human notes and progress to stderr.
enum Terminal {
    static func out(_ text: String) {
        write(text, to: FileHandle.standardOutput)
    }

    static func err(_ text: String) {
        write(text, to: FileHandle.standardError)
    }

    /// Copies the text's UTF-8 bytes in place: the generic `Data(text.utf8)` looks up a protocol
    /// conformance at run time, which scans every conformance in the binary (tens of millions of
    /// instructions, a tenth of validating a 4,000-unit file).
    ///
    /// `FileHandle.write(_:)` traps on a failed write (`try!` inside Foundation): once SwiftNIO (the
    /// PostgreSQL client, the server) ignores SIGPIPE, a reader that closed stdout early (`| head`)
    /// made that a crash. ``OutputClosed`` decides instead.
    private static func write(_ text: String, to handle: FileHandle) {
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
            do {
                try handle.write(contentsOf: Data(bytes: base, count: bytes.count))
            } catch {
                OutputClosed.failed(error, stdout: handle.fileDescriptor == STDOUT_FILENO)
            }
        }
    }

    /// Whether stderr is an interactive terminal (progress bars are drawn only there).
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}

/// A one-line progress bar on stderr, redrawn in place; silent when stderr is not a terminal.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private let label: String
    private let enabled: Bool
    private var lastDrawn = -1

    init(label: String, total: Int, minimumTotal: Int = 50) {
        self.label = label
        enabled = Terminal.stderrIsTerminal && total >= minimumTotal
    }

    func update(_ done: Int, of total: Int) {
        guard enabled, total > 0 else { return }
        let percent = done * 100 / total
        lock.lock()
        defer { lock.unlock() }
        guard percent != lastDrawn else { return }
        lastDrawn = percent
        let width = 30
        let filled = width * done / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        Terminal.err("\r\(label) \(bar) \(done)/\(total)")
        if done == total { Terminal.err("\n") }
    }
}
