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
              veta due --within 60d --employer MFR110315AB1
              veta due --within 30d --site ZAC-01     # at the centre: the trainees whose entries came from ZAC-01

            Each line names the trainee (id and name); --employer keeps the trainees of one employer,
            --site those whose entries came from one site (veta sync import).
            """)

    @Option(help: ArgumentHelp("Look this far ahead: days (30d or 30) or weeks (12w), at most 3650 days.", valueName: "duration"))
    var within = DurationArgument(days: 30)
    @Option(help: ArgumentHelp("As of this date, YYYY-MM-DD (default today).", valueName: "yyyy-mm-dd")) var asOf: DateArgument?
    @Option(help: "Only the trainees of this employer (RFC).") var employer: String?
    @Option(help: "Output format: text or json.") var format: ListingFormat = .text
    @OptionGroup var store: StoreOptions
    @OptionGroup var knownAt: KnownAtOptions
    @OptionGroup var site: SiteFilter

    func run() async throws {
        try await runReporting(json: format == .json) {
            let days = within.days
            let employer = try employer.map { try RFC($0) }
            let service = try knownAt.service(store)
            if let employer, try await service.store.organisation(employer) == nil {
                throw Refusal("employer \(employer) is not registered (veta org list)")
            }
            let fromSite = try await site.trainees(service)
            let trainees = Dictionary(try await service.store.trainees().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let items = try await service.due(asOf: try await asOf.orToday(service), within: days).filter { item in
                (employer.map { trainees[item.trainee]?.employer == $0 } ?? true) && (fromSite?.contains(item.trainee.rawValue) ?? true)
            }
            if format == .json {
                return try printJSON(items.map { NamedDueItem(item: $0, trainee: trainees[$0.trainee]) })
            }
            if items.isEmpty { Terminal.out("nothing expires or falls due within \(days) days\n") }
            for item in items {
                let name = trainees[item.trainee].map { " \($0.fullName) (\($0.employer))" } ?? ""
                Terminal.out(
                    "\(item.date)  \(item.kind.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)) \(item.trainee)\(name)  \(item.curriculum)\(item.unit.map { " " + $0.rawValue } ?? "")\n"
                )
            }
        }
    }
}

/// A due item with the trainee's name and employer, as `due --format json` prints it.
struct NamedDueItem: Encodable {
    let item: DueItem
    let trainee: Trainee?

    private enum Keys: String, CodingKey { case name, employer }

    func encode(to encoder: any Encoder) throws {
        try item.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encodeIfPresent(trainee?.fullName, forKey: .name)
        try container.encodeIfPresent(trainee?.employer.rawValue, forKey: .employer)
    }
}
