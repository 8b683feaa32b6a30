import ArgumentParser
import VetaProgress

struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Where a trainee stands: per unit, a progress bar and what is missing next.",
        discussion: """
            Examples:
              veta status T001
              veta status T001 --as-of 2026-06-30 --format json
              veta status T001 --site ZAC-01     # at the centre: refused unless T001's entries came from ZAC-01
            """)

    @Argument(help: "The trainee's id.") var trainee: IdentifierArgument
    @Option(
        help: ArgumentHelp("Status as of this date, YYYY-MM-DD (default today); later entries are ignored.", valueName: "yyyy-mm-dd"))
    var asOf: DateArgument?
    @Option(help: "Output format: text or json.") var format: ListingFormat = .text
    @OptionGroup var store: StoreOptions
    @OptionGroup var knownAt: KnownAtOptions
    @OptionGroup var site: SiteFilter

    func run() async throws {
        try await runReporting(json: format == .json) {
            let service = try knownAt.service(store)
            guard let person = try await service.store.trainee(TraineeID(trainee.description)) else {
                throw Refusal("no trainee \(trainee)")
            }
            if let trainees = try await site.trainees(service), !trainees.contains(person.id.rawValue) {
                throw try await site.refusal(person.id, service)
            }
            let statuses = try await service.status(of: person.id, asOf: try await asOf.orToday(service))
            if format == .json { return try printJSON(statuses) }
            Terminal.out("\(person.id)  \(person.fullName)\n")
            if statuses.isEmpty { Terminal.out("  not enrolled in any curriculum\n") }
            for status in statuses { Terminal.out(StatusTable.render(status)) }
        }
    }
}

/// The text table `veta status` prints for one enrolment.
enum StatusTable {
    static func render(_ status: EnrolmentStatus) -> String {
        var lines: [String] = []
        let state =
            status.isWithdrawn
            ? "withdrawn \(status.withdrawnOn?.description ?? "")"
            : status.packagingSatisfied ? "COMPLETE \(status.completedOn?.description ?? "")" : "in training"
        lines.append(
            "\n  \(status.curriculum)  \(bar(status.percentComplete / 100)) \(Int(status.percentComplete.rounded()))%  \(state)")
        let recorded = Double(status.minutesRecorded) / 60
        lines.append(
            "  enrolled \(status.enrolledOn?.description ?? "-")   hours recorded \(String(format: "%.1f", recorded)) of \(status.nominalHours) nominal"
                + (status.expiresOn.map { "   expires \($0)" } ?? ""))
        lines.append("")
        for unit in status.units {
            let detail =
                "criteria \(unit.criteriaCovered)/\(unit.criteriaTotal)  knowledge \(unit.knowledgeCovered)/\(unit.knowledgeTotal)  occasions \(unit.occasions)/\(unit.occasionsRequired)"
            lines.append(
                "  \(unit.unit.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \(bar(unit.fractionComplete)) \(unit.state.rawValue.padding(toLength: 17, withPad: " ", startingAt: 0)) \(detail)"
            )
            if let next = unit.missing.first {
                lines.append("      next: \(next)" + (unit.missing.count > 1 ? " (+\(unit.missing.count - 1) more)" : ""))
            }
            if let signed = unit.signedOffOn {
                lines.append("      signed off \(signed)" + (unit.expiresOn.map { ", expires \($0)" } ?? ""))
            }
        }
        if !status.missing.isEmpty {
            lines.append("")
            lines.append("  still needed: " + status.missing.joined(separator: "; "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func bar(_ fraction: Double, width: Int = 20) -> String {
        let filled = max(0, min(width, Int((fraction * Double(width)).rounded(.down))))
        return "[" + String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled) + "]"
    }
}
