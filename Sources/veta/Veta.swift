import ArgumentParser

@main
struct Veta: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "veta",
        abstract: "Standardized mining training: validate curricula, track trainee progress in a tamper-evident ledger.",
        discussion: """
            Exit codes: 0 ok, 1 findings in the input, 2 I/O or internal error, 64 bad usage.

            The store is a SQLite file: --store PATH, else $VETA_STORE, else
            $XDG_DATA_HOME/veta/veta.sqlite (~/.local/share/veta/veta.sqlite).

            Examples:
              veta validate Curricula
              veta publish Curricula
              veta org add --rfc MFR110315AB1 --name "Minera Fresnillo" --site "Mina Saucito"
              veta enrol T001 VTOPHT
              veta record --trainee T001 --curriculum VTOPHT --unit RIIWHS201E --target unit --method rpl --outcome satisfactory
              veta status T001
              veta ledger verify
            """,
        version: version,
        subcommands: [
            Validate.self, Show.self, New.self, Rules.self, Publish.self, Retire.self, Org.self, TraineeCommand.self, AssessorCommand.self,
            Keys.self,
            Enrol.self, Record.self, SignOff.self, Correct.self, Entries.self, Withdraw.self, Status.self, Cohort.self, Due.self,
            Import.self,
            Export.self, Ledger.self, IssuerCommand.self, Issue.self, Verify.self, Revoke.self, Reissue.self, Reexport.self, DC4.self,
            Audit.self, Migrate.self, StoreCommand.self, Diff.self,
            Site.self, Badge.self, Serve.self, Sync.self,
        ]
    )

    /// Parses and runs the command. Like ArgumentParser's own `main`, except that a usage error under
    /// `--format json` also prints one JSON error document on stdout (the message stays on stderr).
    static func main() async {
        HeapSettings.apply()
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let problem = ArgumentEncoding.problem(in: ArgumentEncoding.rawArguments()) {
            if JSONError.requested(in: arguments) {
                JSONError(code: "usage", exitCode: ExitCode.validationFailure.rawValue, message: problem).print()
            }
            Terminal.err("Error: \(problem)\n")
            exit(withError: ExitCode.validationFailure)
        }
        var command: any ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            let code = exitCode(for: error)
            if code != .success, JSONError.requested(in: arguments) {
                JSONError(code: "usage", exitCode: code.rawValue, message: message(for: error)).print()
            }
            exit(withError: error)
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            try await AutoCheckpoint.afterCommand()
        } catch {
            exit(withError: error)
        }
    }
}
