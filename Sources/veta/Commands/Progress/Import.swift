import ArgumentParser
import VetaProgress

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Bulk-import trainees, enrolments or evidence from CSV: all rows or none.",
        discussion: """
            Every row is checked first; if any is bad, nothing is written and every bad row is
            reported with its line number (exit 1). The header says what the file holds:
              trainees: id,paternal_surname,maternal_surname,given_names,curp,employer_rfc,occupation,job_title
              enrolments: trainee,curriculum,date[,site]
              evidence: trainee,curriculum,unit,target,method,outcome,date[,hours,site,note,assessor,attachment_sha256]

            Example:
              veta import evidence-2026-11.csv
            """)

    @Argument(help: "The CSV file.") var file: String
    @Option(help: "Output format: text or json.") var format: ListingFormat = .text
    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await runReporting(json: format == .json) {
            let bar = ProgressBar(label: "importing", total: 1_000_000, minimumTotal: 0)
            let report = try await store.openService().importCSV(fileAt: file) { done, total in
                if total >= 2_000 { bar.update(done, of: total) }
            }
            if format == .json {
                try printJSON(report)
            } else if report.errors.isEmpty {
                Terminal.out("imported \(report.written) \(report.kind.rawValue) rows from \(file)\n")
            } else {
                for error in report.errors { Terminal.out("\(file):\(error.line): \(error.reason)\n") }
                Terminal.out("\(report.errors.count) bad rows of \(report.rows); nothing was imported\n")
            }
            if !report.errors.isEmpty { throw ExitCode(1) }
        }
    }
}
