import ArgumentParser
import VetaProgress

struct Correct: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct",
        abstract: "Void an earlier ledger entry, saying why (entries are never edited or deleted).",
        discussion: """
            Example:
              veta correct 42 --reason "recorded against the wrong trainee"
              veta correct 57 --reason "entry 42 was right after all"   # 57 corrected 42: 42 counts again

            Everything derived from the voided entry (evidence carried by veta migrate, sign-offs
            resting on it) stops counting with it.
            """)

    @Argument(help: "The sequence number of the entry to void (a correction's: undo it, reinstating what it voided).") var sequence: Int64
    @Option(help: "Why.") var reason: String
    @Option(help: ArgumentHelp("Date of the correction, YYYY-MM-DD (default today).", valueName: "yyyy-mm-dd"))
    var date: DateArgument?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await runReporting {
            let service = try store.openService(create: true)
            let entry = try await service.correct(sequence, reason: reason, on: try await date.orToday(service))
            Terminal.out("entry \(entry.sequence): voids entry \(sequence)\n")
        }
    }
}
