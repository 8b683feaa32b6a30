import ArgumentParser
import VetaCurricula
import VetaProgress

struct Entries: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entries",
        abstract: "List a trainee's log entries: the numbers veta correct takes, with what each one is.",
        discussion: """
            One line per entry: its number, date, kind, curriculum, unit and what it says; an entry a
            correction voids (by the engine's rule: a correction of a correction reinstates, a migrated
            copy is voided through its original) says by which one. --unit keeps the entries of that unit (and the
            corrections of them).

            Examples:
              veta entries --trainee T001
              veta entries --trainee T001 --unit RIIWHS201E --format json
            """)

    @Option(help: "The trainee's id.") var trainee: IdentifierArgument
    @Option(help: "Only the entries of this unit.") var unit: UnitArgument?
    @Option(help: "Output format: text or json.") var format: ListingFormat = .text
    @OptionGroup var store: StoreOptions

    /// One listed entry (the JSON form).
    struct Line: Encodable {
        let sequence: Int64
        let kind: String
        let date: String
        let curriculum: String
        let unit: String?
        let what: String
        let assessor: String?
        let note: String?
        let corrects: Int64?
        let voidedBy: Int64?
        /// For an entry voided along provenance (a migrated copy), the original the correction named.
        let voidedThrough: Int64?
    }

    func run() async throws {
        try await runReporting(json: format == .json) {
            let service = try store.openService(create: false)
            let id = TraineeID(trainee.description)
            guard try await service.store.trainee(id) != nil else { throw Refusal("trainee \(id) is not registered") }
            let entries = try await service.store.entries(for: id)
            // The engine's own rule: reinstatements count again, copies are voided through their original.
            let causes = Voiding(entries, asOf: .latest).causes
            let units = Dictionary(entries.map { ($0.sequence, $0.unit) }, uniquingKeysWith: { first, _ in first })
            let lines = entries.filter { entry in
                guard let wanted = unit?.code else { return true }
                return (entry.kind == .correction ? entry.corrects.flatMap { units[$0] ?? nil } : entry.unit) == wanted
            }.map { entry in
                Line(
                    sequence: entry.sequence, kind: entry.kind.rawValue, date: entry.date.description,
                    curriculum: entry.curriculum.description,
                    unit: entry.unit?.rawValue, what: Self.what(entry), assessor: entry.assessor?.rawValue, note: entry.note,
                    corrects: entry.corrects, voidedBy: causes[entry.sequence]?.correction,
                    voidedThrough: causes[entry.sequence].flatMap { $0.entry == entry.sequence ? nil : $0.entry })
            }
            if format == .json { return try printJSON(lines) }
            if lines.isEmpty { Terminal.out("no entries for trainee \(id)\(unit.map { " in unit \($0.code)" } ?? "")\n") }
            for line in lines {
                let through = line.voidedThrough.map { ", through entry \($0)" } ?? ""
                let voided = line.voidedBy.map { "  [voided by entry \($0)\(through)]" } ?? ""
                Terminal.out("\(line.sequence)\t\(line.date)  \(line.curriculum)  \(line.what)\(voided)\n")
            }
        }
    }

    /// What an entry is, in a few words.
    static func what(_ entry: LedgerEntry) -> String {
        let unit = entry.unit.map { " \($0)" } ?? ""
        let note = entry.note.map { ": \($0)" } ?? ""
        switch entry.kind {
        case .enrolment: return "enrolment" + (entry.site.map { " at \($0)" } ?? "")
        case .withdrawal: return "withdrawal" + note
        case .evidence:
            let parts = [
                entry.target?.description, entry.method?.rawValue, entry.outcome?.rawValue,
                entry.assessor.map { "assessor \($0)" },
            ].compactMap { $0 }
            return "evidence\(unit) " + parts.joined(separator: " ")
        case .signOff: return "sign-off\(unit)" + (entry.assessor.map { " by \($0)" } ?? "")
        case .correction: return "correction of entry \(entry.corrects ?? 0)\(note)"
        default: return entry.kind.rawValue + unit + note
        }
    }
}
