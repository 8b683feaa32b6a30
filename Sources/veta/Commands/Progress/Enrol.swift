import ArgumentParser
import VetaProgress

struct Enrol: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enrol",
        abstract: "Enrol a trainee in a published curriculum.",
        discussion: """
            CURRICULUM is CODE (its highest published version) or CODE@x.y.z. A curriculum published
            with status draft takes no enrolment unless --allow-draft is given (a pilot group); a
            --site must be one of the trainee's employer's registered sites (veta org show RFC).

            Example:
              veta enrol T001 VTOPHT --date 2026-11-24 --site "Mina Saucito"
              veta enrol T002 VTOPHT@2.0.0 --allow-draft
            """)

    @Argument(help: "The trainee's id.") var trainee: IdentifierArgument
    @Argument(help: "CODE or CODE@x.y.z.") var curriculum: CurriculumTarget
    @Option(help: ArgumentHelp("Enrolment date, YYYY-MM-DD (default today).", valueName: "yyyy-mm-dd")) var date: DateArgument?
    @Option(help: "Site: one of the employer's registered sites.") var site: String?
    @Flag(help: "Enrol even though the curriculum was published as a draft.") var allowDraft = false
    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await runReporting {
            let service = try store.openService(create: true)
            let ref = try await service.resolveForEnrolment(curriculum.description, allowDraft: allowDraft)
            let entry = try await service.enrol(
                TraineeID(trainee.description), in: ref, on: try await date.orToday(service), site: site, allowDraft: allowDraft)
            Terminal.out("entry \(entry.sequence): enrolled \(trainee) in \(ref)\n")
        }
    }
}
