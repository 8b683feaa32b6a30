import ArgumentParser
import VetaProgress
import VetaRecords

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the ledger, or a curriculum as a 1EdTech CASE package.",
        subcommands: [ExportLedger.self, ExportCASE.self], defaultSubcommand: ExportLedger.self)
}

struct ExportLedger: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Export the ledger (every entry, with its hashes and signatures) as CSV or JSON (the default export).",
        discussion: """
            Examples:
              veta export --format csv > ledger.csv
              veta export ledger --format json > ledger.json
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }

    @Option(help: "Output format: csv or json.") var format: Format = .csv
    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await runReporting(json: format == .json) {
            let records = try store.openRecords(create: false)
            // What ledger verify checks: a log that does not verify is not exported as if it were the record.
            if let first = try await records.verifyLedger().problems.first {
                let finding = first.sequence == 0 ? first.reason : "first bad entry \(first.sequence): \(first.reason)"
                throw Refusal(
                    "the log does not verify (\(finding)); nothing is exported from a log that does not verify: run veta ledger verify")
            }
            let rows = try await records.progress.store.allEntries()
            let entries = rows.compactMap { try? $0.get() }
            if rows.count != entries.count {
                Terminal.err("veta: \(rows.count - entries.count) damaged rows left out; run veta ledger verify\n")
            }
            switch format {
            case .json:
                try printJSON(entries)
            case .csv:
                Terminal.out(
                    "sequence,kind,trainee,curriculum,unit,target,method,outcome,date,site,hours,note,assessor,attachment_sha256,corrects,recorded_at,previous_hash,hash,signature,derived_from,serial\n"
                )
                for e in entries {
                    let fields: [String] = [
                        String(e.sequence), e.kind.rawValue, e.trainee.rawValue, e.kind.isRegistry ? "" : e.curriculum.description,
                        e.unit?.rawValue ?? "",
                        e.target?.description ?? "", e.method?.rawValue ?? "", e.outcome?.rawValue ?? "", e.date.description, e.site ?? "",
                        e.minutes.map { String(Double($0) / 60) } ?? "", e.note ?? "", e.assessor?.rawValue ?? "", e.attachmentSHA256 ?? "",
                        e.corrects.map(String.init) ?? "", e.recordedAt, e.previousHash, e.hash, e.signature ?? "",
                        e.derivedFrom.map(String.init) ?? "", e.record?.serial ?? "",
                    ]
                    Terminal.out(fields.map(CSV.cell).joined(separator: ",") + "\n")
                }
            }
        }
    }
}
