import ArgumentParser
import VetaProgress
import VetaRecords

struct Revoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Revoke an issued record; verification then reports it as revoked on that date.",
        discussion: """
            The credential and the DC-3 issued with it for one achievement are one issuance:
            revoking either revokes both, in one write.

            Example:
              veta revoke VETA-2026-000001 --reason "evidence found to be fraudulent"
            """)

    @Argument(help: "The record's serial.") var serial: String
    @Option(help: "Why.") var reason: String
    @Option(help: ArgumentHelp("Date of the revocation, YYYY-MM-DD (default today).", valueName: "yyyy-mm-dd"))
    var date: DateArgument?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await runReporting {
            let service = try store.openRecords(create: true)
            let day = try await date.orToday(service.progress)
            let revoked = try await service.revokeIssuance(serial, reason: reason, on: day)
            Terminal.out("revoked \(revoked.joined(separator: " and ")) on \(day)\n")
        }
    }
}

struct Reissue: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reissue",
        abstract: "Re-issue a record after a correction or a recertification: new serial, the old one marked superseded.",
        discussion: """
            A revoked record is not re-issued: issue anew (veta issue) once the trainee is competent again.
            --compromised re-issues, with the current key, every standing record that a key retired as
            compromised (veta issuer retire-key) makes NOT VALID; a record it cannot re-issue is listed
            with why (exit 1) and the others are still re-issued.

            Examples:
              veta reissue VETA-2026-000001 --key keys/issuer.private.jwk --out records
              veta reissue --compromised --key keys/issuer-2027.private.jwk --out records
            """)

    @Argument(help: "The record's serial.") var serial: String?
    @Flag(help: "Re-issue every standing record signed with a key retired as compromised (instead of SERIAL).")
    var compromised = false
    @Option(help: "With --compromised: the issuer's URL, when the store has several.") var issuer: String?
    @Option(help: "The issuer's private key file (JWK).") var key: String
    @Option(help: "Folder for the issued files.") var out: String = "."
    @Option(help: ArgumentHelp("Judge competence as of this date, YYYY-MM-DD (default today).", valueName: "yyyy-mm-dd"))
    var asOf: DateArgument?
    @Option(help: "Output format: text or json.") var format: ListingFormat = .text
    @OptionGroup var store: StoreOptions

    /// What is wrong with the choice between SERIAL and --compromised, or nil. Judged in `run`, not
    /// in `validate`: ArgumentParser validates before it reports an unknown option, so a word after
    /// an unknown option (taken for SERIAL) would hide the real mistake behind this one.
    var choiceProblem: String? {
        if let serial, compromised { return "give either a SERIAL or --compromised, not both (SERIAL is \(serial))" }
        if serial == nil, !compromised { return "give either a SERIAL or --compromised" }
        if issuer != nil, !compromised { return "--issuer goes with --compromised" }
        return nil
    }

    func run() async throws {
        if let choiceProblem { throw UsageProblem.report(choiceProblem, of: Self.self, json: format == .json) }
        try await runReporting(json: format == .json) {
            let service = try store.openRecords(create: true)
            let signingKey = try readPrivateKey(key)
            let date = try await asOf.orToday(service.progress)
            var report = ReissueReport()
            guard compromised else {
                report.add(try await reissue(serial ?? "", service: service, key: signingKey, asOf: date), json: format == .json)
                return try report.finish(json: format == .json)
            }
            let voided = try await service.recordsVoidedByCompromise(issuer: try await IssuerChoice.id(issuer, in: service.records))
            for record in voided {
                // The credential and its DC-3 are one issuance: the first re-issue replaces both.
                if try await service.records.entry(.supersession, record.serial) != nil { continue }
                do {
                    report.add(try await reissue(record.serial, service: service, key: signingKey, asOf: date), json: format == .json)
                } catch let refusal as Refusal {
                    report.notReissued.append(.init(serial: record.serial, message: refusal.description))
                }
            }
            try report.finish(json: format == .json, compromised: true)
        }
    }

    private func reissue(_ serial: String, service: RecordService, key: SigningKey, asOf date: CalendarDate) async throws
        -> [ReissueReport.Issued]
    {
        // Each new file supersedes the old record of its own format (the DC-3 its DC-3, the credential its credential).
        var oldBatch: [IssuedRecord] = []
        if let old = try await service.records.record(serial) { oldBatch = try await service.issuance(of: old) }
        let issued = try await service.reissue(serial, key: key, outputFolder: out, asOf: date)
        return issued.map { item in
            ReissueReport.Issued(
                serial: item.record.serial, format: item.record.format.rawValue,
                supersedes: oldBatch.first { $0.format == item.record.format }?.serial ?? serial, path: item.path)
        }
    }
}

struct DC4: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dc4",
        abstract: "Write the DC-4 list an employer files: one CSV row per DC-3 constancia issued in a year.",
        discussion: """
            Example:
              veta dc4 --employer MFR110315AB1 --year 2026 > dc4-2026.csv
            """)

    @Option(help: "The employer's RFC.") var employer: String
    @Option(help: "The year (1900–2999).") var year: Int
    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard DateArgument.years.contains(year) else { throw ValidationError("--year must be between 1900 and 2999") }
    }

    func run() async throws {
        try await runReporting {
            Terminal.out(try await store.openRecords(create: false).dc4(employer: try RFC(employer), year: year))
        }
    }
}
