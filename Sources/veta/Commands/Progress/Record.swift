import ArgumentParser
import Foundation
import VetaCurricula
import VetaProgress

struct Record: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record one piece of evidence against a criterion, element, knowledge item or unit.",
        discussion: """
            TARGET is criterion:N.M, element:N, knowledge:ID or unit. METHOD is one of
            observation, practical, written-test, oral-test, product, third-party, rpl, credit-transfer.

            Example:
              veta record --trainee T001 --curriculum VTOPHT --unit RIIWHS201E --target criterion:1.1 \\
                --method observation --outcome satisfactory --assessor A01 --date 2026-11-24 --hours 2 --site "Mina Saucito"
            """)

    @Option(help: "The trainee's id.") var trainee: String
    @Option(help: "CODE or CODE@x.y.z.") var curriculum: String
    @Option(help: "The unit's code.") var unit: String
    @Option(help: "criterion:N.M, element:N, knowledge:ID or unit.") var target: String
    @Option(help: "How the evidence was gathered.") var method: String
    @Option(help: "satisfactory or not-yet.") var outcome: String
    @Option(help: "When it happened, YYYY-MM-DD (default today, UTC).") var date: String?
    @Option(help: "Where it happened.") var site: String?
    @Option(help: "Hours spent (decimal).") var hours: Double?
    @Option(help: "A note.") var note: String?
    @Option(help: "The assessor who gathered it.") var assessor: String?
    @Option(help: "A file to attach: its sha256 is recorded.") var attachment: String?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await runReporting {
            guard let target = EvidenceTarget(target) else {
                throw Refusal("\(self.target) is not criterion:N.M, element:N, knowledge:ID or unit")
            }
            guard let method = EvidenceMethod(rawValue: method) else {
                throw Refusal("\(self.method) is not one of \(EvidenceMethod.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let outcome = Outcome(rawValue: outcome) else { throw Refusal("outcome must be satisfactory or not-yet") }
            let service = try store.openService()
            var entry = LedgerEntry(
                kind: .evidence, trainee: TraineeID(trainee), curriculum: try await service.resolve(curriculum),
                date: try calendarDate(date),
                unit: UnitCode(unit), target: target, method: method, outcome: outcome, site: site,
                minutes: hours.map { Int(($0 * 60).rounded()) }, note: note, assessor: assessor.map(AssessorID.init))
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
