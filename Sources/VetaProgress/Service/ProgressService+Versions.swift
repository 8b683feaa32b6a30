public import VetaCurricula

/// Curriculum versions: which version a bare code means for a trainee, and the lifecycle of
/// published versions (superseded, withdrawn).
extension ProgressService {
    /// Resolves `CODE` for one trainee: the version of `CODE` the trainee is enrolled in (and not
    /// withdrawn from), so publishing a newer version never moves anyone; when the trainee is
    /// enrolled in no version, the highest published one (as ``resolve(_:)``). `CODE@x.y.z` is
    /// that version, whoever the trainee is.
    public func resolve(_ text: String, for trainee: TraineeID) async throws -> CurriculumRef {
        guard !text.contains("@") else { return try await resolve(text) }
        let code = CurriculumCode(text)
        let entries = try await store.entries(for: trainee)
        if let active = EnrolmentState.activeEnrolment(in: entries, trainee: trainee, code: code) { return active.ref }
        return try await resolve(text)
    }

    /// The version `text` names for a new enrolment: `CODE@x.y.z` is that version; a bare `CODE` is
    /// the newest published version that takes enrolments (``AdmissionCheck/versionProblem(_:allowDraft:)``:
    /// not withdrawn, and not a draft unless `allowDraft`). When no version takes enrolments, the
    /// newest one, so that the enrolment is refused saying why.
    public func resolveForEnrolment(_ text: String, allowDraft: Bool) async throws -> CurriculumRef {
        guard !text.contains("@") else { return try await resolve(text) }
        var admission = AdmissionCheck(service: self)
        for ref in try await versions(of: CurriculumCode(text)).reversed() {
            if try await admission.versionProblem(ref, allowDraft: allowDraft) == nil { return ref }
        }
        return try await resolve(text)
    }

    /// Every published version of `code`, oldest first.
    public func versions(of code: CurriculumCode) async throws -> [CurriculumRef] {
        try await store.publishedCurricula().filter { $0.code == code }.sorted { $0.version < $1.version }
    }

    /// The lifecycle the log records for published versions that were superseded or withdrawn, by `CODE@x.y.z`.
    public func lifecycle() async throws -> [String: CurriculumLifecycle] {
        // Publications and lifecycle entries are all it takes: not every trainee's registration.
        if let ledger = store as? any RecordLedger {
            return try await ledger.registry(of: [.publication, .lifecycle], subject: nil).lifecycle
        }
        return try await store.registry().lifecycle
    }

    /// Withdraws a published version from use (`veta retire`), saying why: it takes no new
    /// enrolments; enrolments in it, their evidence and issued records stay as they are.
    public func retire(_ ref: CurriculumRef, reason: String, on date: CalendarDate) async throws {
        let reason = try CleanText.clean(reason, field: "reason")
        guard !reason.isEmpty else { throw Refusal("retiring a curriculum version needs a reason (--reason)") }
        try await requireNotAfterToday(date, for: "a retirement")
        _ = try await curriculum(ref)
        try await store.moveCurriculum(ref, to: .withdrawn, successor: nil, on: date, reason: reason)
    }

    /// `veta cohort CODE`: one row per trainee ever enrolled in a version of `code`, for the
    /// version they are enrolled in (or, when withdrawn from every version, the last they were in).
    public func cohort(code: CurriculumCode, asOf date: CalendarDate) async throws -> [CohortRow] {
        var chosen: [String: (row: CohortRow, active: Bool, version: SemanticVersion)] = [:]
        for ref in try await versions(of: code) {
            for row in try await cohort(ref, asOf: date) {
                var row = row
                row.curriculum = ref.description
                let active = row.withdrawnOn == nil
                if let current = chosen[row.trainee], current.active && !active || current.active == active && current.version > ref.version
                {
                    continue
                }
                chosen[row.trainee] = (row, active, ref.version)
            }
        }
        return chosen.keys.sorted().compactMap { chosen[$0]?.row }
    }
}
