import ArgumentParser
import VetaProgress

struct Cohort: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cohort",
        abstract: "One row per trainee enrolled in a curriculum: progress, hours, completion.",
        discussion: """
            Examples:
              veta cohort VTOPHT
              veta cohort VTOPHT@1.0.0 --format csv > cohort.csv
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

    @Argument(help: "CODE or CODE@x.y.z.") var curriculum: CurriculumTarget
    @Option(help: ArgumentHelp("As of this date, YYYY-MM-DD (default today, UTC).", valueName: "yyyy-mm-dd")) var asOf: DateArgument?
    @Option(help: "Output format: text, json or csv.") var format: Format = .text
    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await runReporting(json: format == .json) {
            let service = try store.openService(create: false)
            let ref = try await service.resolve(curriculum)
            let rows = try await service.cohort(ref, asOf: asOf.orToday)
            switch format {
            case .json:
                try printJSON(rows)
            case .csv:
                Terminal.out(
                    "trainee,name,enrolled,percent_complete,units_signed_off,hours_recorded,complete,completed_on,expires_on,withdrawn_on\n"
                )
                for row in rows { Terminal.out(row.csvLine + "\n") }
            case .text:
                Terminal.out("\(ref): \(rows.count) trainees\n")
                for row in rows {
                    Terminal.out(
                        "  \(row.trainee.padding(toLength: 12, withPad: " ", startingAt: 0)) \(StatusTable.bar(row.percentComplete / 100, width: 10)) \(String(format: "%5.1f", row.percentComplete))%  \(row.unitsSignedOff) units  \(row.complete ? "complete " + (row.completedOn ?? "") : row.withdrawnOn.map { "withdrawn " + $0 } ?? "")  \(row.name)\n"
                    )
                }
            }
        }
    }
}
