import ArgumentParser
import VetaProgress

struct Correct: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Void an earlier ledger entry, saying why (entries are never edited or deleted).",
        discussion: """
            Example:
              veta correct 42 --reason "recorded against the wrong trainee"
            """)

    @Argument(help: "The sequence number of the entry to void.") var sequence: Int64
    @Option(help: "Why.") var reason: String
    @Option(help: "Date of the correction, YYYY-MM-DD (default today, UTC).") var date: String?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await runReporting {
            let entry = try await store.openService().correct(sequence, reason: reason, on: try calendarDate(date))
            Terminal.out("entry \(entry.sequence): voids entry \(sequence)\n")
        }
    }
}
