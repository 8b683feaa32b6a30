import ArgumentParser
import Foundation
import VetaCurricula
import VetaProgress

struct Record: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record one piece of evidence against a criterion, element, knowledge item or unit.",
        discussion: """
            TARGET is criterion:N.M, element:N, knowledge:ID, performance:ID or unit. METHOD is one of
            observation, practical, written-test, oral-test, product, third-party, rpl, credit-transfer.

            Example:
              veta record --trainee T001 --curriculum VTOPHT --unit RIIWHS201E --target criterion:1.1 \\
                --method observation --outcome satisfactory --assessor A01 --date 2026-11-24 --hours 2 --site "Mina Saucito"
            """)

    @Option(help: "The trainee's id.") var trainee: IdentifierArgument
    @Option(help: "CODE or CODE@x.y.z.") var curriculum: CurriculumTarget
    @Option(help: "The unit's code.") var unit: UnitArgument
    @Option(help: "criterion:N.M, element:N, knowledge:ID, performance:ID or unit.") var target: EvidenceTargetArgument
    @Option(help: "How the evidence was gathered.") var method: MethodArgument
    @Option(help: "satisfactory or not-yet.") var outcome: OutcomeArgument
    @Option(help: ArgumentHelp("When it happened, YYYY-MM-DD (default today).", valueName: "yyyy-mm-dd")) var date: DateArgument?
    @Option(help: "Where it happened.") var site: String?
    @Option(help: HoursArgument.help, transform: HoursArgument.parse) var hours: HoursArgument?
    @Option(help: "A note.") var note: String?
    @Option(help: "The assessor who gathered it.") var assessor: IdentifierArgument?
    @Option(help: "A file to attach: its sha256 is recorded.") var attachment: String?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await runReporting {
            let (target, method, outcome) = (self.target.target, self.method.method, self.outcome.outcome)
            let service = try store.openService(create: true)
            var entry = LedgerEntry(
                kind: .evidence, trainee: TraineeID(trainee.description),
                curriculum: try await service.resolve(curriculum, for: TraineeID(trainee.description)),
                date: try await date.orToday(service),
                unit: unit.code, target: target, method: method, outcome: outcome, site: site,
                minutes: hours?.minutes, note: note, assessor: assessor.map { AssessorID($0.description) })
            if let attachment {
                guard let data = FileManager.default.contents(atPath: attachment) else {
                    throw StoreError(.storage, "cannot read \(attachment)")
                }
                entry.attachmentSHA256 = SHA256Hex.of(Array(data))
            }
            let stored = try await service.record(entry)
            Terminal.out("entry \(stored.sequence): \(outcome.rawValue) \(method.rawValue) of \(target) in \(unit) for \(trainee)\n")
        }
    }
}
