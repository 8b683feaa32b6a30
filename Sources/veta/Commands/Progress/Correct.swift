import ArgumentParser
import VetaProgress

struct Correct: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct",
        abstract: "Void an earlier ledger entry, saying why (entries are never edited or deleted).",
        discussion: """
            Example:
              veta correct 42 --reason "recorded against the wrong trainee"
            """)

    @Argument(help: "The sequence number of the entry to void.") var sequence: Int64
    @Option(help: "Why.") var reason: String
    @Option(help: ArgumentHelp("Date of the correction, YYYY-MM-DD (default today, UTC).", valueName: "yyyy-mm-dd"))
    var date: DateArgument?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await runReporting {
            let entry = try await store.openService(create: true).correct(sequence, reason: reason, on: date.orToday)
            Terminal.out("entry \(entry.sequence): voids entry \(sequence)\n")
        }
    }
}
