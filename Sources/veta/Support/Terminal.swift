import Foundation

/// Where the CLI writes: results to stdout, human notes and progress to stderr.
enum Terminal {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
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
