import ArgumentParser

/// A usage mistake a command can only judge in `run` (after ArgumentParser has reported unknown
/// options, which it does after `validate`): reported as ArgumentParser reports its own, the
/// message and the usage of `veta COMMAND` on stderr, exit 64, and with `--format json` one JSON error
/// document (code `usage`) on stdout.
enum UsageProblem {
    static func report(_ message: String, of command: any ParsableCommand.Type, json: Bool) -> ExitCode {
        if json { JSONError(code: "usage", exitCode: ExitCode.validationFailure.rawValue, message: message).print() }
        // As ArgumentParser words it for a subcommand of veta (its own message for the type alone omits "veta").
        let name = command.configuration.commandName ?? ""
        Terminal.err("Error: \(message)\nUsage: veta \(command.usageString())\n  See 'veta \(name) --help' for more information.\n")
        return ExitCode.validationFailure
    }
}
