import ArgumentParser
import VetaProgress

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bulk-import trainees, enrolments or evidence from CSV: all rows or none.",
        discussion: """
            Every row is checked first; if any is bad, nothing is written and every bad row is
            reported with its line number (exit 1). The header says what the file holds:
              trainees: id,paternal_surname,maternal_surname,given_names,curp,employer_rfc,occupation,job_title
              enrolments: trainee,curriculum,date[,site]
              evidence: trainee,curriculum,unit,target,method,outcome,date[,hours,site,note,assessor,attachment_sha256]

            Files as Excel saves them: "CSV UTF-8" (byte-order mark, CR LF) is read as is. A file
            that is not UTF-8 is refused with the first bad line; Excel's plain "CSV" on Spanish
            Windows is Windows-1252: re-save it as "CSV UTF-8" or pass --encoding windows-1252.
            The separator (, or ; as Spanish-locale Excel writes, or tab) is taken from a first
            line sep=; as Excel reads it, or else from the header line, unless --delimiter says it. In a ;-separated file hours may have a decimal comma
            (1,5); in a ,-separated file a decimal comma is refused. Hours follow the rule of
            record --hours: a plain decimal more than 0 and at most 24, at least one minute.
            Targets are written as --target takes them: unit, element:N, criterion:N.M, knowledge:ID, performance:ID.

            Every field is cleaned as the store keeps it: Unicode NFC, spaces of every kind (also
            no-break and ideographic spaces) trimmed; a control character or bidirectional
            control (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C) is refused, naming the
            line and the column. A note may hold tabs and line breaks. Trailing header columns
            with no name and nothing under them (as Excel saves formatting beyond the data) are
            ignored; any other column with no name, a header naming a column twice, a line that
            repeats the header, and a row that repeats an earlier row of the file are refused.
            Paternal surname, given names, occupation and job title may not be empty.

            Rows already in the store are refused unless --allow-repeat:
              trainees: a trainee with the same id and the same details (skipped with --allow-repeat)
              enrolments: the trainee is still enrolled in the same curriculum version from the
                same date (skipped with --allow-repeat)
              evidence: an entry not voided by a correction with the same trainee, curriculum,
                unit, target, method, outcome, date and assessor (imported again with --allow-repeat)

            An import of enrolments or evidence prints its import id (the entries it wrote, FIRST-LAST);
            veta import --undo ID --reason WHY voids every entry of that import with one reason, in
            one write (entries of it already voided stay as they are).

            Examples:
              veta import evidence-2026-11.csv
              veta import --undo 57-83 --reason "file of another site imported by mistake"
              veta import --encoding windows-1252 trainees-mina-saucito.csv
              veta import --delimiter ';' --allow-repeat evidence-2026-11.csv
            """)

    @Argument(help: "The CSV file.") var file: String?
    @Option(help: ArgumentHelp("Void every entry of the import with this id (as veta import printed it).", valueName: "first-last"))
    var undo: String?
    @Option(help: "Why the import is undone (with --undo).") var reason: String?
    @Option(help: ArgumentHelp("Date of the corrections, YYYY-MM-DD (with --undo; default today).", valueName: "yyyy-mm-dd"))
    var date: DateArgument?
    @Option(help: "Output format: text or json.") var format: ListingFormat = .text
    @Option(help: "The file's encoding: utf-8 (the default; a byte-order mark is allowed) or windows-1252.")
    var encoding = EncodingArgument(.utf8)
    @Option(help: "The field separator: ',', ';' or tab (default: taken from the header line).")
    var delimiter: DelimiterArgument?
    @Flag(help: "Accept rows already in the store (see above for what that means per kind of file).")
    var allowRepeat = false
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if undo != nil {
            guard file == nil else { throw ValidationError("give either a file to import or --undo ID, not both") }
            guard reason != nil else { throw ValidationError("--undo needs --reason") }
            guard undo.flatMap({ ImportID($0) }) != nil else {
                throw ValidationError("--undo takes an import id FIRST-LAST, as veta import printed it")
            }
        } else {
            guard file != nil else { throw ValidationError("give the CSV file to import (or --undo ID)") }
            guard reason == nil, date == nil else { throw ValidationError("--reason and --date go with --undo") }
        }
    }

    func run() async throws {
        if let undo, let id = ImportID(undo), let reason { return try await undoImport(id, reason: reason) }
        guard let file else { return }
        try await runReporting(json: format == .json) {
            let options = ImportOptions(encoding: encoding.encoding, delimiter: delimiter?.delimiter, allowRepeat: allowRepeat)
            let bar = ProgressBar(label: "importing", total: 1_000_000, minimumTotal: 0)
            let report = try await store.openService(create: true).importCSV(fileAt: file, options: options) { done, total in
                if total >= 2_000 { bar.update(done, of: total) }
            }
            if format == .json {
                try printJSON(
                    report,
                    failure: report.errors.isEmpty
                        ? nil : ("refused", "\(report.errors.count) bad rows of \(report.rows) in \(file); nothing was imported"))
            } else if report.errors.isEmpty {
                let repeats =
                    report.alreadyStored == 0
                    ? ""
                    : report.kind == .evidence
                        ? " (\(report.alreadyStored) of them already in the store)"
                        : " (\(report.alreadyStored) already in the store, skipped)"
                Terminal.out(
                    "imported \(report.written) \(report.kind == .trainees ? "trainee" : report.kind == .enrolments ? "enrolment" : "evidence") row\(report.written == 1 ? "" : "s") from \(file)\(repeats)\n"
                )
                if let id = report.importID { Terminal.out("import id \(id) (undo with veta import --undo \(id) --reason ...)\n") }
            } else {
                for error in report.errors { Terminal.out("\(file):\(error.line): \(error.reason)\n") }
                Terminal.out("\(report.errors.count) bad rows of \(report.rows); nothing was imported\n")
            }
            if !report.errors.isEmpty { throw ExitCode(1) }
        }
    }

    /// `--undo`: voids every entry of the import.
    private func undoImport(_ id: ImportID, reason: String) async throws {
        try await runReporting(json: format == .json) {
            let service = try store.openService(create: true)
            let corrections = try await service.undoImport(id, reason: reason, on: try await date.orToday(service))
            if format == .json {
                return try printJSON(
                    UndoReport(importID: id, voided: corrections.compactMap(\.corrects), corrections: corrections.map(\.sequence)))
            }
            Terminal.out(
                "undid import \(id): \(corrections.count) entries voided (corrections \(corrections.first?.sequence ?? 0)-\(corrections.last?.sequence ?? 0))\n"
            )
        }
    }

    /// What `--undo --format json` prints.
    struct UndoReport: Encodable {
        let importID: ImportID
        let voided: [Int64]
        let corrections: [Int64]
    }
}
