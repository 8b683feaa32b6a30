import ArgumentParser

/// A usage mistake a command can only judge in `run` (after ArgumentParser has reported unknown
/// options, which it does after `validate`): reported as ArgumentParser reports its own, the
/// message and the command's usage on stderr, exit 64, and with `--format json` one JSON error
/// document (code `usage`) on stdout.
enum UsageProblem {
    static func report(_ message: String, of command: any ParsableCommand.Type, json: Bool) -> ExitCode {
        if json { JSONError(code: "usage", exitCode: ExitCode.validationFailure.rawValue, message: message).print() }
        Terminal.err(command.fullMessage(for: ValidationError(message)) + "\n")
        return ExitCode.validationFailure
    }
}
