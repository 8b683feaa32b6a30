import ArgumentParser
import VetaCurricula
import VetaProgress

struct SignOff: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signoff",
        abstract: "Sign a unit off for a trainee with the assessor's private key.",
        discussion: """
            Refused, with the reasons, unless the assessor is authorised for the unit, the key is the
            one registered for them, the evidence is complete and the prerequisites are signed off.

            Example:
              veta signoff --trainee T001 --curriculum VTOPHT --unit RIIWHS201E --assessor A01 --key keys/A01.private.jwk
            """)

    @Option(help: "The trainee's id.") var trainee: IdentifierArgument
    @Option(help: "CODE or CODE@x.y.z.") var curriculum: CurriculumTarget
    @Option(help: "The unit's code.") var unit: UnitArgument
    @Option(help: "The assessor's id.") var assessor: IdentifierArgument
    @Option(help: "The assessor's private key file (JWK).") var key: String
    @Option(help: ArgumentHelp("Sign-off date, YYYY-MM-DD (default today).", valueName: "yyyy-mm-dd")) var date: DateArgument?
    @Option(help: "A note.") var note: String?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await runReporting {
            let service = try store.openService(create: true)
            let entry = try await service.signOff(
                TraineeID(trainee.description), unit: unit.code,
                in: try await service.resolve(curriculum, for: TraineeID(trainee.description)),
                by: AssessorID(assessor.description),
                on: try await date.orToday(service), key: try readPrivateKey(key), note: note)
            Terminal.out("entry \(entry.sequence): \(unit) signed off for \(trainee) by \(assessor)\n")
        }
    }
}
