import ArgumentParser
import VetaProgress

struct Due: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Signed-off units and curricula that have expired or expire soon, and refreshers due.",
        discussion: """
            Examples:
              veta due --within 30d
              veta due --within 90d --format json
            """)

    @Option(help: "Look this far ahead: a number of days, e.g. 30d or 30.") var within: String = "30d"
    @Option(help: "As of this date, YYYY-MM-DD (default today, UTC).") var asOf: String?
    @Option(help: "Output format: text or json.") var format: ListingFormat = .text
    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard Int(within.hasSuffix("d") ? String(within.dropLast()) : within).map({ $0 >= 0 }) == true else {
            throw ValidationError("--within takes a number of days, e.g. 30d")
        }
    }

    func run() async throws {
        try await runReporting {
            let days = Int(within.hasSuffix("d") ? String(within.dropLast()) : within) ?? 30
            let items = try await store.openService().due(asOf: try calendarDate(asOf), within: days)
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
