import ArgumentParser
import Foundation
import VetaCurricula

/// Reports an I/O or internal failure on stderr (and, with `json`, as a JSON error document on
/// stdout) and returns exit code 2.
func failure(_ error: any Error, json: Bool = false) -> ExitCode {
    let message: String
    let code: String
    switch error {
    case let error as CurriculumIOError:
        (code, message) = ("storage", "\(error)")
        Terminal.err("veta: error: \(message)\n")
    case let error as SchemaLoadError:
        (code, message) = ("storage", "\(error)")
        Terminal.err("veta: error: \(message)\n")
    case let error as CocoaError:
        // A file-system error (a folder that is a file, a name too long, no permission): I/O, not internal.
        let underlying = error.underlying.map { $0 as NSError }
        let reason =
            underlying.map { $0.domain == NSPOSIXErrorDomain ? String(cString: strerror(Int32($0.code))) : $0.localizedDescription }
            ?? error.localizedDescription
        (code, message) = ("storage", "cannot use \(error.filePath ?? "a file"): \(reason)")
        Terminal.err("veta: error: \(message)\n")
    default:
        (code, message) = ("internal", "\(error)")
        Terminal.err("veta: internal error: \(message)\n")
    }
    if json { JSONError(code: code, exitCode: 2, message: message).print() }
    return ExitCode(2)
}
