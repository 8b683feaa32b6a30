import ArgumentParser
import VetaProgress

struct Retire: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retire",
        abstract: "Withdraw a published curriculum version from use, saying why.",
        discussion: """
            Appends a lifecycle entry to the log (the published bytes never change): the version takes
            no new enrolments; enrolments already in it, their evidence and issued records stay. A
            withdrawal is final. (Publishing a version that declares <supersedes> moves the older one
            to superseded the same way.)

            Example:
              veta retire VTOPHT@1.0.0 --reason "replaced by the 2027 package"
            """)

    @Argument(help: "CODE@x.y.z (a version must be named).") var curriculum: CurriculumTarget
    @Option(help: "Why it is withdrawn.") var reason: String
    @Option(help: ArgumentHelp("Date, YYYY-MM-DD (default today).", valueName: "yyyy-mm-dd")) var date: DateArgument?
    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard curriculum.version != nil else { throw ValidationError("name the version to retire: CODE@x.y.z") }
    }

    func run() async throws {
        try await runReporting {
            let service = try store.openService(create: true)
            let ref = try await service.resolve(curriculum)
            try await service.retire(ref, reason: reason, on: try await date.orToday(service))
            Terminal.out("withdrew \(ref): it takes no new enrolments\n")
        }
    }
}
