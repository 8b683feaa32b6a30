import ArgumentParser
import Foundation
import VetaProgress
import VetaRecords

struct Verify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check an issued record offline: signature, issuer, registry, the log, revocation, validity.",
        discussion: """
            FILE is a credential (.jwt), a badge with a credential baked in (.png, .svg) or a DC-3 constancia (.pdf). Exit 0 when it verifies, 1 when
            it does not (the failing check says why: tampered, unknown key, revoked on date, expired on date).
            A credential and the DC-3 issued with it are one issuance: a revocation of either is
            reported by both. A record a re-issue replaced is NOT VALID, SUPERSEDED by its successor.
            A record is VALID only when the whole log verifies and the record's issue entry is in it,
            signed by its issuer: a log that does not verify (run `veta ledger verify`) makes no record VALID.

            Examples:
              veta verify records/VETA-2026-000001.jwt
              veta verify records/VETA-2026-000002.pdf --as-of 2027-12-01
            """)

    @Argument(help: "The issued file.") var file: String
    @Option(help: ArgumentHelp("Verify as of this date, YYYY-MM-DD (default today).", valueName: "yyyy-mm-dd"))
    var asOf: DateArgument?
    @Option(help: "Output format: text or json.") var format: ListingFormat = .text
    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await runReporting(json: format == .json) {
            guard let data = FileManager.default.contents(atPath: file) else { throw StoreError(.storage, "cannot read \(file)") }
            let service = try store.openRecords(create: false)
            // A baked badge (PNG or SVG) is verified as the credential it carries.
            let credential = try BadgeBaker.credential(fromBadge: data).map { Data($0.utf8) } ?? data
            let report = try await service.verify(Array(credential), asOf: try await asOf.orToday(service.progress))
            if format == .json {
                try printJSON(report)
            } else {
                Terminal.out(
                    "\(file): \(report.verdict == "REVOKED" || report.verdict == "SUPERSEDED" ? "NOT VALID, \(report.verdict)" : report.verdict)"
                        + (report.serial.map { " (\($0))" } ?? "") + "\n")
                for check in report.checks { Terminal.out("  \(check.passed ? "ok  " : "FAIL") \(check.name): \(check.detail)\n") }
            }
            if !report.isValid { throw ExitCode(1) }
        }
    }
}
