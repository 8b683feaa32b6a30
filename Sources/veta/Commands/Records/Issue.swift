import ArgumentParser
import VetaCurricula
import VetaProgress
import VetaRecords

struct Issue: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue",
        abstract: "Issue completion records: an Open Badges 3.0 credential (VC-JWT) and, with dc3/all, the DC-3 PDF.",
        discussion: """
            Issues only when the competency engine says the trainee is competent for what is asked;
            otherwise refuses and lists exactly what is missing (exit 1). Each record gets a serial
            (reserved first, never given twice) and is registered in the log, signed with the issuer's
            key, with the sha256 of what was issued; the files are written after that, atomically. If
            the command is interrupted after registering, `veta reexport SERIAL` writes the file.
            Nothing is issued on a log that does not verify. With --cohort, one trainee's problem
            never stops the rest: each trainee not issued is listed with the fix (exit 1).

            Examples:
              veta issue --trainee T001 --curriculum VTOPHT --format all --issuer https://capacitacion.example.mx --key keys/issuer.private.jwk --out records
              veta issue --trainee T001 --curriculum VTOPHT --unit RIIWHS201E --format ob3 --issuer https://capacitacion.example.mx --key keys/issuer.private.jwk --out records
            With --cohort CODE, each trainee is judged in the version of CODE they are enrolled in; a
            cohort with nobody enrolled is refused (exit 1), and when nothing is issued the reason is printed.

              veta issue --cohort VTOPHT --format all --issuer https://capacitacion.example.mx --key keys/issuer.private.jwk --out records
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case ob3, dc3, all }

    @Option(help: "The trainee's id.") var trainee: IdentifierArgument?
    @Option(help: "CODE or CODE@x.y.z.") var curriculum: CurriculumTarget?
    @Option(help: "Every competent trainee of this curriculum not yet issued.") var cohort: CurriculumTarget?
    @Option(help: "A unit, for a unit (Competency) record instead of the whole curriculum (Certification).") var unit: UnitArgument?
    @Option(help: "ob3 (credential only), dc3 or all (credential and DC-3 PDF).") var format: Format = .all
    @Option(help: "The issuer's id (URL).") var issuer: String
    @Option(help: "The issuer's private key file (JWK).") var key: String
    @Option(help: "Folder for the issued files.") var out: String = "."
    @Option(help: ArgumentHelp("Judge competence as of this date, YYYY-MM-DD (default today).", valueName: "yyyy-mm-dd"))
    var asOf: DateArgument?
    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard (cohort == nil) != (trainee == nil) else { throw ValidationError("give either --trainee with --curriculum, or --cohort") }
        if trainee != nil && curriculum == nil { throw ValidationError("--trainee needs --curriculum") }
        if cohort != nil && unit != nil { throw ValidationError("--cohort issues whole-curriculum records; drop --unit") }
    }

    func run() async throws {
        try await runReporting {
            let service = try store.openRecords(create: true)
            let signingKey = try readPrivateKey(key)
            let date = try await asOf.orToday(service.progress)
            let issued: [RecordService.Issued]
            var failures: [CohortIssue.Failure] = []
            if let cohort {
                let refs = try await CohortVersions.refs(cohort, in: service.progress)
                let bar = ProgressBar(label: "issuing", total: 100, minimumTotal: 0)
                var all: [RecordService.Issued] = []
                for ref in refs {
                    let result = try await service.issueCohort(
                        ref, dc3: format != .ob3, issuer: issuer, key: signingKey, outputFolder: out, asOf: date
                    ) { done, total in if total >= 20 { bar.update(done, of: total) } }
                    all += result.issued
                    failures += result.failures
                }
                issued = all
                if all.isEmpty && failures.isEmpty {
                    return Terminal.out(try await CohortVersions.nothingIssued(cohort, refs: refs, in: service.progress, asOf: date))
                }
            } else if let trainee, let curriculum {
                let ref = try await service.progress.resolve(curriculum, for: TraineeID(trainee.description))
                issued = try await service.issue(
                    trainee: TraineeID(trainee.description), curriculum: ref, unit: unit?.code, dc3: format != .ob3, issuer: issuer,
                    key: signingKey, outputFolder: out, asOf: date)
            } else {
                issued = []
            }
            for item in issued {
                Terminal.out("issued \(item.record.serial) (\(item.record.format.rawValue)) for \(item.record.trainee): \(item.path)\n")
            }
            if issued.isEmpty && failures.isEmpty { Terminal.out("nothing to issue\n") }
            try await DraftIssueWarning.warn(about: issued.map(\.record.curriculum), in: service.progress)
            // One trainee's problem never stops the cohort: each is listed with its fix after the rest are issued.
            for failure in failures {
                Terminal.err("veta: not issued for \(failure.trainee): \(failure.message)\n  fix: \(failure.fix)\n")
            }
            if !failures.isEmpty {
                Terminal.err("veta: \(issued.count) record(s) issued; \(failures.count) trainee(s) not issued\n")
                throw ExitCode(failures.allSatisfy(\.isAboutTheData) ? 1 : 2)
            }
        }
    }
}
