import ArgumentParser
import VetaCurricula
import VetaProgress

struct Cohort: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cohort",
        abstract: "One row per trainee enrolled in a curriculum: progress, hours, completion.",
        discussion: """
            Examples:
              A bare CODE lists every trainee of the curriculum in the version they are enrolled in
            (after a newer version is published, trainees of the older one stay in it until migrated).

              veta cohort VTOPHT
              veta cohort VTOPHT@1.0.0 --format csv > cohort.csv
              veta cohort VTOPHT --site ZAC-01      # at the centre: the trainees whose entries came from ZAC-01
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

    @Argument(help: "CODE or CODE@x.y.z.") var curriculum: CurriculumTarget
    @Option(help: ArgumentHelp("As of this date, YYYY-MM-DD (default today).", valueName: "yyyy-mm-dd")) var asOf: DateArgument?
    @Option(help: "Output format: text, json or csv.") var format: Format = .text
    @OptionGroup var store: StoreOptions
    @OptionGroup var knownAt: KnownAtOptions
    @OptionGroup var site: SiteFilter

    func run() async throws {
        try await runReporting(json: format == .json) {
            let service = try knownAt.service(store)
            let asOf = try await asOf.orToday(service)
            let bare = curriculum.version == nil
            var ref: CurriculumRef?
            if !bare { ref = try await service.resolve(curriculum) }
            if bare, try await service.versions(of: curriculum.code).isEmpty { _ = try await service.resolve(curriculum) }
            var rows =
                if let ref { try await service.cohort(ref, asOf: asOf) } else {
                    try await service.cohort(code: curriculum.code, asOf: asOf)
                }
            if let trainees = try await site.trainees(service) { rows = rows.filter { trainees.contains($0.trainee) } }
            switch format {
            case .json:
                try printJSON(rows)
            case .csv:
                Terminal.out(
                    "trainee,name,enrolled,percent_complete,units_signed_off,hours_recorded,complete,completed_on,expires_on,withdrawn_on\n"
                )
                for row in rows { Terminal.out(row.csvLine + "\n") }
            case .text:
                Terminal.out("\(ref?.description ?? curriculum.description): \(rows.count) trainees\n")
                for row in rows {
                    Terminal.out(
                        "  \(row.trainee.padding(toLength: 12, withPad: " ", startingAt: 0)) \(StatusTable.bar(row.percentComplete / 100, width: 10)) \(String(format: "%5.1f", row.percentComplete))%  \(row.unitsSignedOff) units  \(row.complete ? "complete " + (row.completedOn ?? "") : row.withdrawnOn.map { "withdrawn " + $0 } ?? "")  \(row.name)\(row.curriculum.map { "  (\($0))" } ?? "")\n"
                    )
                }
            }
        }
    }
}
