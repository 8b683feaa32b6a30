import ArgumentParser
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
    default:
        (code, message) = ("internal", "\(error)")
        Terminal.err("veta: internal error: \(message)\n")
    }
    if json { JSONError(code: code, exitCode: 2, message: message).print() }
    return ExitCode(2)
}
