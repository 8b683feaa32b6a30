import ArgumentParser
import Foundation
import VetaAudit
import VetaCurricula
import VetaProgress

struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Audit a catalogue of curricula, or the records in the store.", subcommands: [AuditCatalogue.self, AuditRecords.self])
}

/// `--format` for audit reports.
enum AuditFormat: String, ExpressibleByArgument, CaseIterable { case text, json, html, sarif }

/// Prints a report in the chosen format; exit 1 when it has errors.
func emit(_ report: AuditReport, format: AuditFormat) throws {
    switch format {
    case .text: Terminal.out(AuditRenderer.text(report))
    case .json:
        try printJSON(report, failure: report.hasErrors ? ("findings", "the audit found errors") : nil)
    case .html: Terminal.out(AuditRenderer.html(report))
    case .sarif: Terminal.out(try AuditRenderer.sarif(report, toolVersion: Veta.version))
    }
    if report.hasErrors { throw ExitCode(1) }
}

struct AuditCatalogue: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalogue",
        abstract: "Check a whole catalogue: validity, one meaning per unit code, progression, hours, succession.",
        discussion: """
            PATH is curriculum files or folders; --published audits the curricula published in the store.
            The policy (areas for progression, hours norms) is an XML file checked against
            Schemas/audit-policy.xsd. Reports are deterministic: the same inputs give the same bytes.

            Examples:
              veta audit catalogue Curricula --policy Schemas/audit-policy.xml
              veta audit catalogue --published --format html > audit.html
            """)

    @Argument(help: ArgumentHelp("Curriculum files or folders.", valueName: "path")) var paths: [String] = []
    @Flag(name: .customLong("published"), help: "Audit the curricula published in the store (see --store) instead of files.")
    var fromStore = false
    @Option(help: "Audit policy file (default: no areas, built-in hours norms).") var policy: String?
    @Option(help: "Output format: text, json, html or sarif.") var format: AuditFormat = .text
    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard fromStore != !paths.isEmpty else { throw ValidationError("give curriculum paths, or --published") }
    }

    func run() async throws {
        try await runReporting(json: format == .json) {
            var auditPolicy = AuditPolicy.default
            if let policy {
                guard let data = FileManager.default.contents(atPath: policy) else { throw StoreError(.storage, "cannot read \(policy)") }
                switch try AuditPolicy.read(Array(data), path: policy) {
                case .success(let parsed): auditPolicy = parsed
                case .failure(let error):
                    let text = error.diagnostics.flatMap(TextReport.lines(for:)).joined(separator: "\n") + "\n"
                    guard format == .json else {
                        Terminal.out(text)
                        throw ExitCode(1)
                    }
                    throw Refusal("the audit policy \(policy) is not valid", reasons: text.split(separator: "\n").map(String.init))
                }
            }
            let validator = try CurriculumValidator()
            var results: [ValidationResult]
            var lifecycle: [String: CurriculumLifecycle] = [:]
            if fromStore {
                let service = try store.openService(create: false)
                lifecycle = try await service.lifecycle()
                results = []
                for ref in try await service.store.publishedCurricula() {
                    if let published = try await service.store.publishedCurriculum(ref) {
                        results.append(validator.validate(published.xml, path: "store:\(ref)"))
                    }
                }
            } else {
                results = try validator.validate(paths: paths)
            }
            try emit(CatalogueAudit.audit(results, policy: auditPolicy, lifecycle: lifecycle), format: format)
        }
    }
}

struct AuditRecords: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "records",
        abstract: "Check the store: ledger, evidence behind every record, authorised sign-offs, DC-3 delivery, revocations.",
        discussion: """
            DC-3 delivery is counted in working days: Monday to Friday, less Mexico's statutory rest
            days (Ley Federal del Trabajo art. 74) and the <holiday date="YYYY-MM-DD"/> days a
            --policy file lists.

            Examples:
              veta audit records
              veta audit records --format html --as-of 2026-12-31 > records-audit.html
              veta audit records --policy Schemas/audit-policy.xml
              veta audit records --site ZAC-01   # at the centre: the records and sign-offs of ZAC-01's trainees
            """)

    @Option(
        help: ArgumentHelp("Name this date in the report (reports carry no clock time otherwise).", valueName: "yyyy-mm-dd"))
    var asOf: DateArgument?
    @Option(help: "Audit policy file; its holidays are skipped when counting working days.") var policy: String?
    @Option(help: "Output format: text, json, html or sarif.") var format: AuditFormat = .text
    @OptionGroup var store: StoreOptions
    @OptionGroup var site: SiteFilter

    func run() async throws {
        try await runReporting(json: format == .json) {
            let date = asOf?.date
            let auditPolicy = try policy.map { try readRecordsPolicy($0, json: format == .json) } ?? .default
            let service = try store.openRecords(create: false)
            let trainees = try await site.trainees(service.progress)
            try emit(try await RecordsAudit.audit(service, asOf: date, policy: auditPolicy, trainees: trainees), format: format)
        }
    }
}
