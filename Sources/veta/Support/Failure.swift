import ArgumentParser
import VetaCurricula

/// Reports an I/O or internal failure on stderr and returns exit code 2.
func failure(_ error: any Error) -> ExitCode {
    switch error {
    case let error as CurriculumIOError: Terminal.err("veta: error: \(error)\n")
    case let error as SchemaLoadError: Terminal.err("veta: error: \(error)\n")
    default: Terminal.err("veta: internal error: \(error)\n")
    }
    return ExitCode(2)
}
