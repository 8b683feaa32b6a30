import ArgumentParser
import VetaProgress

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Move enrolments to a new version of a curriculum, carrying over evidence for unchanged criteria.",
        discussion: """
            Each trainee enrolled in the old version is withdrawn from it and enrolled in the new one.
            Satisfactory evidence against criteria, elements, knowledge items and units that are
            unchanged is recorded again in the new version, each entry naming the original
            (derivedFrom), so provenance is kept. Sign-offs are not carried: the assessor signs again.
            Only enrolments still in training move: a trainee who completed the old version stays in it
            (listed as not moved) unless --include-completed. The plan lists, per trainee, what they still
            need in the units they must take: the core units and the electives they have started, never
            electives they did not choose. --dry-run writes nothing.

            Examples:
              veta migrate --from VTOPHT@1.0.0 --to VTOPHT@1.1.0 --dry-run
              veta migrate --from VTOPHT@1.0.0 --to VTOPHT@1.1.0 --format json
            """)

    @Option(help: "CODE@x.y.z enrolments move from.") var from: CurriculumTarget
    @Option(help: "CODE@x.y.z they move to (published).") var to: CurriculumTarget
    @Flag(help: "Show the plan; write nothing.") var dryRun = false
    @Flag(help: "Move trainees who completed the old version too (default: only those still in training).")
    var includeCompleted = false
    @Flag(help: "Move trainees into a version published as a draft.") var allowDraft = false
    @Option(help: ArgumentHelp("Date of the migration, YYYY-MM-DD (default today).", valueName: "yyyy-mm-dd"))
    var date: DateArgument?
    @Option(help: "Output format: text or json.") var format: ListingFormat = .text
    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard from.version != nil, to.version != nil else { throw ValidationError("give both versions as CODE@x.y.z") }
    }

    func run() async throws {
        try await runReporting(json: format == .json) {
            let service = try store.openService(create: true)
            let day = try await date.orToday(service)
            let plan = try await service.migrate(
                from: try await service.resolve(from), to: try await service.resolve(to), on: day, dryRun: dryRun,
                includeCompleted: includeCompleted, allowDraft: allowDraft)
            if format == .json { return try printJSON(plan) }
            Terminal.out(
                "\(dryRun ? "plan (dry run, nothing written)" : "migrated"): \(plan.from) → \(plan.to), \(plan.trainees.count) trainees\n")
            for trainee in plan.trainees {
                Terminal.out(
                    "  \(trainee.trainee): \(trainee.carriedOver.count) evidence entries carried over, \(trainee.notCarried.count) not (changed or removed)\n"
                )
                for item in trainee.reassess { Terminal.out("      \(item)\n") }
                for item in trainee.toAssess.prefix(12) { Terminal.out("      assess: \(item)\n") }
                if trainee.toAssess.count > 12 { Terminal.out("      … and \(trainee.toAssess.count - 12) more\n") }
            }
            for trainee in plan.notInTraining {
                Terminal.out("  \(trainee): not moved, no longer in training in \(plan.from) (--include-completed moves them too)\n")
            }
        }
    }
}
