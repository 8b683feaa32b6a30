import ArgumentParser
import VetaProgress

struct Correct: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct",
        abstract: "Void earlier ledger entries, saying why (entries are never edited or deleted).",
        discussion: """
            Several entries are voided together with one reason: all of them or, if any cannot be
            voided, none (every reason is listed). veta entries --trainee T lists the numbers.

            Examples:
              veta correct 42 --reason "recorded against the wrong trainee"
              veta correct 42 43 47 --reason "recorded against the wrong trainee"
              veta correct 57 --reason "entry 42 was right after all"   # 57 corrected 42: 42 counts again

            Everything derived from a voided entry (evidence carried by veta migrate, sign-offs
            resting on it) stops counting with it.
            """)

    @Argument(help: "The sequence numbers of the entries to void (a correction's: undo it, reinstating what it voided).")
    var sequences: [Int64]
    @Option(help: "Why.") var reason: String
    @Option(help: ArgumentHelp("Date of the correction, YYYY-MM-DD (default today).", valueName: "yyyy-mm-dd"))
    var date: DateArgument?
    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard !sequences.isEmpty else { throw ValidationError("name at least one entry to void") }
    }

    func run() async throws {
        try await runReporting {
            let service = try store.openService(create: true)
            let day = try await date.orToday(service)
            if sequences.count == 1, let sequence = sequences.first {
                let entry = try await service.correct(sequence, reason: reason, on: day)
                Terminal.out("entry \(entry.sequence): voids entry \(sequence)\n")
                return
            }
            for entry in try await service.correct(sequences, reason: reason, on: day) {
                Terminal.out("entry \(entry.sequence): voids entry \(entry.corrects ?? 0)\n")
            }
        }
    }
}
