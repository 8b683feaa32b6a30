import ArgumentParser
import VetaProgress

struct Withdraw: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: "Withdraw a trainee from a curriculum.",
        discussion: """
            Example:
              veta withdraw T001 VTOPHT --reason "left the company"
            """)

    @Argument(help: "The trainee's id.") var trainee: IdentifierArgument
    @Argument(help: "CODE or CODE@x.y.z.") var curriculum: CurriculumTarget
    @Option(help: "Why.") var reason: String
    @Option(help: ArgumentHelp("Date, YYYY-MM-DD (default today, UTC).", valueName: "yyyy-mm-dd")) var date: DateArgument?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await runReporting {
            let service = try store.openService(create: true)
            let ref = try await service.resolve(curriculum, for: TraineeID(trainee.description))
            let entry = try await service.withdraw(TraineeID(trainee.description), from: ref, on: date.orToday, reason: reason)
            Terminal.out("entry \(entry.sequence): withdrew \(trainee) from \(ref)\n")
        }
    }
}
