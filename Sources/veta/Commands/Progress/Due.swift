import ArgumentParser
import VetaProgress

struct Due: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "Signed-off units and curricula that have expired or expire soon, and refreshers due.",
        discussion: """
            Examples:
              veta due --within 30d
              veta due --within 90d --format json
            """)

    @Option(help: ArgumentHelp("Look this far ahead: days (30d or 30) or weeks (12w), at most 3650 days.", valueName: "duration"))
    var within = DurationArgument(days: 30)
    @Option(help: ArgumentHelp("As of this date, YYYY-MM-DD (default today, UTC).", valueName: "yyyy-mm-dd")) var asOf: DateArgument?
    @Option(help: "Output format: text or json.") var format: ListingFormat = .text
    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await runReporting(json: format == .json) {
            let days = within.days
            let items = try await store.openService(create: false).due(asOf: asOf.orToday, within: days)
            if format == .json { return try printJSON(items) }
            if items.isEmpty { Terminal.out("nothing expires or falls due within \(days) days\n") }
            for item in items {
                Terminal.out(
                    "\(item.date)  \(item.kind.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)) \(item.trainee)  \(item.curriculum)\(item.unit.map { " " + $0.rawValue } ?? "")\n"
                )
            }
        }
    }
}
