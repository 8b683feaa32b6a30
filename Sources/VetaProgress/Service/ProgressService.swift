public import VetaCurricula

/// The supervisor's and assessor's operations: publish curricula, enrol, record, sign off,
/// correct, and ask where trainees stand. Every check happens before anything is written, and
/// what a check read from the ledger still holds when the entry is appended (``checkedWrite(_:)``).
public struct ProgressService: Sendable {
    /// The store.
    public let store: any ProgressStore
    /// Validates curricula on publish and reads published ones back.
    public let validator: CurriculumValidator

    /// Creates a service over `store`.
    public init(store: any ProgressStore, validator: CurriculumValidator) {
        self.store = store
        self.validator = validator
    }

    // MARK: curricula

    /// Publishes a curriculum file if it validates with no errors.
    ///
    /// - Returns: The validation result and what publishing did (`nil` when the file had errors).
    public func publish(fileAt path: String) async throws -> (ValidationResult, PublishOutcome?) {
        let bytes = try FileBytes.read(path)
        let result = validator.validate(bytes, path: path)
        guard !result.hasErrors, let curriculum = result.curriculum else { return (result, nil) }
        var published = PublishedCurriculum(ref: CurriculumRef(code: curriculum.code, version: curriculum.version), xml: bytes)
        published.supersedes = curriculum.supersedes.map { CurriculumRef(code: $0.code, version: $0.version) }
        let outcome = try await store.publish(published)
        return (result, outcome)
    }

    /// The published curriculum `ref`, read back from its stored bytes.
    public func curriculum(_ ref: CurriculumRef) async throws -> Curriculum {
        guard let published = try await store.publishedCurriculum(ref) else {
            throw Refusal("\(ref) is not published (veta publish FILE)")
        }
        let result = validator.validate(published.xml, path: ref.description)
        guard let curriculum = result.curriculum else {
            throw StoreError(.storage, "the stored bytes of \(ref) no longer validate")
        }
        return curriculum
    }

    /// Resolves `CODE` (the highest published version) or `CODE@x.y.z`.
    public func resolve(_ text: String) async throws -> CurriculumRef {
        let parts = text.split(separator: "@", maxSplits: 1).map(String.init)
        let code = CurriculumCode(parts[0])
        let published = try await store.publishedCurricula().filter { $0.code == code }
        if parts.count == 2 {
            guard let version = SemanticVersion(parts[1]) else { throw Refusal("\(parts[1]) is not a version x.y.z") }
            let ref = CurriculumRef(code: code, version: version)
            guard published.contains(ref) else { throw Refusal("\(ref) is not published (veta publish FILE)") }
            return ref
        }
        guard let latest = published.max(by: { $0.version < $1.version }) else {
            throw Refusal("no version of \(code) is published (veta publish FILE)")
        }
        return latest
    }

    // MARK: ledger

    /// Enrols a trainee in a published curriculum; refused while the trainee is enrolled (and not
    /// withdrawn) in any version of it, whatever the dates of the two enrolments. The check holds
    /// inside the write (``checkedWrite(_:)``): of racing enrolments of one trainee, one is stored.
    public func enrol(
        _ trainee: TraineeID, in ref: CurriculumRef, on date: CalendarDate, site: String? = nil, allowDraft: Bool = false
    ) async throws -> LedgerEntry {
        let trainee = try TraineeID(validating: trainee.rawValue, field: "trainee")
        guard try await store.trainee(trainee) != nil else { throw Refusal("trainee \(trainee) is not registered (veta trainee add)") }
        _ = try await curriculum(ref)
        let site = try site.map { text throws(Refusal) in try CleanText.clean(text, field: "site") }
        var admission = AdmissionCheck(service: self)
        if let problem = try await admission.problem(trainee, in: ref, site: site, allowDraft: allowDraft) {
            throw Refusal("enrolment of \(trainee) in \(ref) refused", reasons: [problem])
        }
        let entry = LedgerEntry(kind: .enrolment, trainee: trainee, curriculum: ref, date: date, site: site)
        let today = try await today()
        return try await checkedWrite { end in
            // Whatever the date: an enrolment dated before the one in force is a second enrolment too.
            if let active = EnrolmentState.activeEnrolment(in: try await store.entries(for: trainee), trainee: trainee, code: ref.code) {
                throw EnrolmentState.alreadyEnrolled(trainee, in: ref, active: active)
            }
            if let future = NotAfterToday.problem(date, of: .enrolment, today: today) {
                throw Refusal("enrolment of \(trainee) refused", reasons: [future])
            }
            return try await appendOne(entry, after: end)
        }
    }

    /// Withdraws a trainee from a curriculum; of racing withdrawals from one enrolment, one is stored.
    public func withdraw(_ trainee: TraineeID, from ref: CurriculumRef, on date: CalendarDate, reason: String) async throws -> LedgerEntry {
        let trainee = try TraineeID(validating: trainee.rawValue, field: "trainee")
        try await requireNotAfterToday(date, for: "a withdrawal")
        return try await checkedWrite { end in
            guard try await enrolment(of: trainee, in: ref, asOf: date).isActive else {
                throw Refusal("trainee \(trainee) is not enrolled in \(ref)")
            }
            return try await appendOne(
                LedgerEntry(kind: .withdrawal, trainee: trainee, curriculum: ref, date: date, note: reason), after: end)
        }
    }

    /// Records one evidence entry after checking it against the curriculum, the enrolment and the
    /// assessor; the enrolment is checked inside the write, so a racing withdrawal is seen.
    public func record(_ evidence: LedgerEntry) async throws -> LedgerEntry {
        var entry = try evidence.validated()
        entry.kind = .evidence
        let curriculum = try await curriculum(entry.curriculum)
        let assessor = try await entry.assessor.asyncMap { try await store.assessor($0) } ?? nil
        var admission = AdmissionCheck(service: self)
        let siteProblem = try await admission.siteProblem(entry.trainee, site: entry.site)
        let today = try await today()
        return try await checkedWrite { end in
            let notEnrolled = try await notEnrolledReason(entry.trainee, in: entry.curriculum, on: entry.date)
            var problems = EvidenceCheck.problems(
                with: entry, curriculum: curriculum, assessor: assessor, notEnrolled: notEnrolled, today: today)
            if let siteProblem { problems.append(siteProblem) }
            problems += try await authorisationProblems(entry, assessor: assessor)
            guard problems.isEmpty else { throw Refusal("evidence refused", reasons: problems) }
            return try await appendOne(entry, after: end)
        }
    }

    /// Signs a unit off with the assessor's key, if the assessor is authorised, the key is the
    /// one registered for them, the engine says the unit may be signed off, and no sign-off of the
    /// unit in force is dated on or after `date` (``EvidenceCheck/repeatedSignOff(_:in:)``). The
    /// ledger's part of the check holds inside the write: a racing correction or sign-off is seen.
    public func signOff(
        _ trainee: TraineeID, unit: UnitCode, in ref: CurriculumRef, by assessorID: AssessorID, on date: CalendarDate,
        key: SigningKey, note: String? = nil
    ) async throws -> LedgerEntry {
        let trainee = try TraineeID(validating: trainee.rawValue, field: "trainee")
        let assessorID = try AssessorID(validating: assessorID.rawValue, field: "assessor")
        let curriculum = try await curriculum(ref)
        let assessor = try await store.assessor(assessorID)
        let draft = LedgerEntry(kind: .signOff, trainee: trainee, curriculum: ref, date: date, unit: unit, note: note, assessor: assessorID)
        let today = try await today()
        return try await checkedWrite { end in
            let entries = try await store.entries(for: trainee)
            let enrolled = EnrolmentState(entries, trainee: trainee, ref: ref, asOf: date).isActive
            let notEnrolled =
                enrolled
                ? nil
                : EnrolmentState.notEnrolledReason(
                    entries, trainee: trainee, ref: ref, on: date,
                    registered: entries.isEmpty ? try await store.trainee(trainee) != nil : nil)
            var problems = EvidenceCheck.problems(
                with: draft, curriculum: curriculum, assessor: assessor, notEnrolled: notEnrolled, today: today)
            problems += try await authorisationProblems(draft, assessor: assessor)
            if let assessor, (try? PublicSigningKey(assessor.publicKey)) != key.publicKey {
                problems.append("the key given is not the one registered for assessor \(assessorID)")
            }
            if curriculum.unit(unit) != nil {
                problems += CompetencyEngine.signOffProblems(
                    unit: unit, trainee: trainee, in: curriculum, ref: ref, entries: entries, on: date)
                if let repeated = EvidenceCheck.repeatedSignOff(draft, in: entries) { problems.append(repeated) }
            }
            guard problems.isEmpty else { throw Refusal("sign-off of \(unit) for \(trainee) refused", reasons: problems) }
            let stored = try await store.append([draft], after: end) { entry in
                entry.signature = Base64URL.encode(try key.signature(for: LedgerCanonicalEncoding.bytes(of: entry)))
            }
            return stored[0]
        }
    }

    /// Voids an earlier entry, saying why, and with it everything derived from it (``Voiding``).
    /// Correcting a correction undoes it: the entry it voided counts again (a reinstatement, with
    /// its own reason). An entry is corrected once: of racing corrections of one entry, one is
    /// stored and the others are refused naming it. Reinstating an enrolment is refused while the
    /// trainee has enrolled again in that curriculum (checked inside the write).
    public func correct(_ sequence: Int64, reason: String, on date: CalendarDate) async throws -> LedgerEntry {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw Refusal("a correction must say why") }
        try await requireNotAfterToday(date, for: "a correction")
        // Stored entries never change: what the target is, is checked once.
        let rows = try await store.entries(from: sequence, through: sequence)
        guard case .success(let target)? = rows.first(where: { (try? $0.get().sequence) == sequence }) else {
            throw Refusal("there is no entry \(sequence)")
        }
        if let problem = Self.uncorrectable(target) { throw Refusal(problem) }
        // The rule batch corrections follow too (``checkedCorrections(of:reason:on:after:)``).
        return try await checkedWrite { end in
            let corrections = try await checkedCorrections(of: [target], reason: reason, on: date, after: end)
            return try await appendOne(corrections[0], after: end)
        }
    }

    /// Where a trainee stands in each curriculum they are (or were) enrolled in.
    public func status(of trainee: TraineeID, asOf date: CalendarDate) async throws -> [EnrolmentStatus] {
        let entries = try await store.entries(for: trainee)
        let refs = Set(entries.filter { $0.kind == .enrolment }.map(\.curriculum)).sorted { $0.description < $1.description }
        var statuses: [EnrolmentStatus] = []
        for ref in refs {
            let curriculum = try await curriculum(ref)
            statuses.append(CompetencyEngine.status(of: trainee, in: curriculum, ref: ref, entries: entries, asOf: date))
        }
        return statuses
    }

    /// The enrolment state of a trainee in a curriculum.
    public func enrolment(of trainee: TraineeID, in ref: CurriculumRef, asOf date: CalendarDate) async throws -> EnrolmentState {
        EnrolmentState(try await store.entries(for: trainee), trainee: trainee, ref: ref, asOf: date)
    }

    /// Why `trainee` is not enrolled in `ref` on `date` (``EnrolmentState/notEnrolledReason(_:trainee:ref:on:registered:)``), `nil` when enrolled.
    func notEnrolledReason(_ trainee: TraineeID, in ref: CurriculumRef, on date: CalendarDate) async throws -> String? {
        let entries = try await store.entries(for: trainee)
        guard !EnrolmentState(entries, trainee: trainee, ref: ref, asOf: date).isActive else { return nil }
        let registered = entries.isEmpty ? try await store.trainee(trainee) != nil : nil
        return EnrolmentState.notEnrolledReason(entries, trainee: trainee, ref: ref, on: date, registered: registered)
    }

    /// Recomputes the ledger's hash chain and sign-off signatures, reading the entries one at a time.
    public func verifyLedger() async throws -> LedgerVerifier.Report {
        try await scanLedger(heads: []).report
    }

    /// What one pass over the ledger finds: the verifier's state, and the log's heads at `heads`
    /// (the sizes checkpoints name), its origin and its size.
    struct LedgerScan: Sendable {
        var verifier = LedgerVerifier.Stream()
        var log = CheckpointVerifier.LogHeads()
        /// The registry tables that are not the log's projection (``ProgressStore/projectionProblems()``).
        var projection: [String] = []

        /// The verifier's report with the projection's problems.
        var report: LedgerVerifier.Report { verifier.report.adding(projection.map { LedgerVerifier.Problem(at: 0, $0) }) }
    }

    /// Verifies every entry as it is read (``ProgressStore/scanEntries(into:_:)``), keeping the hashes
    /// of entry 1 and of the entries at `heads`.
    ///
    /// Each sign-off is checked against the key the log registered for its assessor when it was
    /// signed (``LedgerVerifier/Stream``, never a table row); the registry entries must hold
    /// together, and every registry table must be their projection (``ProgressStore/projectionProblems()``).
    func scanLedger(heads: Set<Int64>) async throws -> LedgerScan {
        var scan = try await store.scanEntries(into: LedgerScan()) { scan, row in
            let hash = scan.verifier.consume(row)
            scan.log.size = Self.sequence(of: row)
            if case .success(let entry) = row, let hash {
                if entry.sequence == 1 { scan.log.origin = Checkpoint.origin(firstHash: hash) }
                if heads.contains(entry.sequence) { scan.log.hashes[entry.sequence] = hash }
            }
        }
        scan.projection = try await store.projectionProblems()
        return scan
    }

    /// Whether the log authorised the entry's assessor for its unit on its date, when the assessor's
    /// current units (``EvidenceCheck``) include it: an authorisation withdrawn before then is refused.
    private func authorisationProblems(_ entry: LedgerEntry, assessor: Assessor?) async throws -> [String] {
        guard let assessor, let unit = entry.unit, assessor.units.contains(unit) else { return [] }
        guard try await store.registry(about: assessor.id).isAuthorised(assessor.id, for: unit, on: entry.date) else {
            return ["assessor \(assessor.id) was not authorised for \(unit) on \(entry.date) (see the log's authorisations)"]
        }
        return []
    }

    private func appendOne(_ entry: LedgerEntry, after end: Int64) async throws -> LedgerEntry {
        try await store.append([entry], after: end) { _ in }[0]
    }
}

extension Optional {
    fileprivate func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
