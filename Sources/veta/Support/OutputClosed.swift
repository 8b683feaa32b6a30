import Foundation

/// What the CLI does when it cannot write its output, never a crash: a reader that closed stdout
/// early (`veta export | head -1`, EPIPE) ends the command as SIGPIPE does on every engine (quietly,
/// status 141 in the shell); any other failure to write stdout (a full disk, an I/O error) is exit 2
/// with a message on stderr. A failed write to stderr is ignored: there is nowhere left to say it.
enum OutputClosed {
    /// The error's errno, when it carries one.
    static func errno(of error: any Error) -> Int32? {
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return Int32(error.code) }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return Int32(underlying.code)
        }
        if error.domain == NSCocoaErrorDomain, error.code == CocoaError.fileWriteOutOfSpace.rawValue { return ENOSPC }
        return nil
    }

    /// Whether a failed write means the reader went away.
    static func isBrokenPipe(_ error: any Error) -> Bool { errno(of: error) == EPIPE }

    /// Ends the process for a failed write to stdout; returns for stderr.
    static func failed(_ error: any Error, stdout: Bool) {
        guard stdout else { return }
        if isBrokenPipe(error) {
            // The default action of SIGPIPE, as when nothing ignores it (SQLite stores): ends quietly.
            signal(SIGPIPE, SIG_DFL)
            raise(SIGPIPE)
            exit(141)
        }
        let reason = errno(of: error).map { String(cString: strerror($0)) } ?? "\(error)"
        var message = Array("veta: error: the output could not be written: \(reason)\n".utf8)
        _ = message.withUnsafeMutableBytes { Foundation.write(STDERR_FILENO, $0.baseAddress, $0.count) }
        exit(2)
    }
}
