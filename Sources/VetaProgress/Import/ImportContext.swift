import Foundation
import VetaCurricula

/// What checking an evidence file needs, loaded once: curricula, assessors, enrolments and the
/// sites of trainees' employers. Used by one import at a time, from one task (or from the write
/// that task awaits).
///
/// Every way an evidence file is read (whole or as a stream, on either engine) checks its rows
/// here, so a rule that holds for one holds for all: a row's site must be one its trainee's
/// employer registered (``AdmissionCheck/siteProblem(_:site:)``), as for `veta record`.
///
/// A bare curriculum code in a row means, for that row's trainee, the version the trainee is
/// enrolled in (as ``ProgressService/resolve(_:for:)`` does for `veta record`); `CODE@x.y.z`, or a
/// bare code for a trainee enrolled in no version of it, means what ``ProgressService/resolve(_:)`` says.
final class ImportContext: @unchecked Sendable {
    private let service: ProgressService
    private var curricula: [String: Result<(CurriculumRef, Curriculum), Refusal>] = [:]
    /// The curriculum versions trainees are enrolled in, read when a row names their bare code.
    private var enrolledVersions: [CurriculumRef: Result<(CurriculumRef, Curriculum), Refusal>] = [:]
    /// The version each trainee is enrolled in per bare code, once worked out (one key per trainee and code named).
    private var activeRefs: [String: CurriculumRef?] = [:]
    private var assessors: [AssessorID: Assessor?] = [:]
    /// Whether trainees with no enrolment entries are registered, looked up once each (only they can be unknown).
    private var registered: [TraineeID: Bool] = [:]
    private let enrolmentEntries: [TraineeID: [LedgerEntry]]
    /// Today on the site's calendar (``ProgressService/today(at:)``), read once for the whole file.
    private let today: CalendarDate
    /// The site check, made with the log's registry read once, on the first row that names a site.
    private var admission: AdmissionCheck?
    /// Why each (trainee, site) named so far is refused, or nil when it is accepted; a pair missing
    /// here was not checked, and its row is refused.
    private var siteProblems: [String: String?] = [:]

    private init(service: ProgressService, enrolmentEntries: [TraineeID: [LedgerEntry]], today: CalendarDate) {
        self.service = service
        self.enrolmentEntries = enrolmentEntries
        self.today = today
    }

    static func load(_ service: ProgressService) async throws -> ImportContext {
        let entries = try await service.store.entries(ofKinds: [.enrolment, .withdrawal, .correction])
        return ImportContext(
            service: service, enrolmentEntries: Dictionary(grouping: entries, by: \.trainee), today: try await service.today())
    }

    /// The entry a row describes, or every reason it cannot be recorded.
    func entry(
        trainee: String?, curriculum: String?, unit: String?, target: String?, method: String?, outcome: String?, date: String?,
        hours: String?, decimalComma: Bool, site: String?, note: String?, assessor: String?, attachment: String?
    ) async -> Result<LedgerEntry, Refusal> {
        await load(curriculum: curriculum, assessor: assessor, trainee: trainee, site: site)
        return loadedEntry(
            trainee: trainee, curriculum: curriculum, unit: unit, target: target, method: method, outcome: outcome, date: date,
            hours: hours, decimalComma: decimalComma, site: site, note: note, assessor: assessor, attachment: attachment)
    }

    /// Reads the curriculum and the assessor a row names, if not read yet, so that
    /// ``loadedEntry(trainee:curriculum:unit:target:method:outcome:date:hours:decimalComma:site:note:assessor:attachment:)``
    /// finds them (for a bare code, the version `trainee` is enrolled in), and checks `site`
    /// against the sites of `trainee`'s employer.
    func load(curriculum: String?, assessor: String?, trainee: String?, site: String?) async {
        if let trainee, let site, !site.isEmpty, siteProblems[Self.siteKey(trainee, site)] == nil {
            siteProblems[Self.siteKey(trainee, site)] = .some(await siteProblem(TraineeID(trainee), site: site))
        }
        if let curriculum, let ref = enrolledRef(curriculum, trainee: trainee), enrolledVersions[ref] == nil {
            enrolledVersions[ref] = await read(ref.description)
        }
        if let curriculum, curricula[curriculum] == nil { _ = await self.curriculum(curriculum) }
        if let assessor, assessors[AssessorID(assessor)] == nil { _ = await self.assessor(AssessorID(assessor)) }
        if let trainee, enrolmentEntries[TraineeID(trainee)] == nil, registered[TraineeID(trainee)] == nil {
            // A store that does not read leaves the question open: the row is then "not enrolled", as before.
            do { registered[TraineeID(trainee)] = try await service.store.trainee(TraineeID(trainee)) != nil } catch {}
        }
    }

    /// The entry a row describes, or every reason it cannot be recorded, once ``load(curriculum:assessor:)``
    /// has read what the row names.
    func loadedEntry(
        trainee: String?, curriculum: String?, unit: String?, target: String?, method: String?, outcome: String?, date: String?,
        hours: String?, decimalComma: Bool, site: String?, note: String?, assessor: String?, attachment: String?
    ) -> Result<LedgerEntry, Refusal> {
        var reasons: [String] = []
        guard let trainee, let curriculum, let unit, let targetText = target, let methodText = method, let outcomeText = outcome,
            let dateText = date
        else {
            return .failure(Refusal("row", reasons: ["trainee, curriculum, unit, target, method, outcome and date are required"]))
        }
        var parsedTarget: EvidenceTarget?
        do {
            parsedTarget = try EvidenceTarget(parsing: targetText)
        } catch {
            reasons.append(error.summary)
        }
        let parsedMethod = EvidenceMethod(rawValue: methodText)
        if parsedMethod == nil {
            reasons.append("method \(methodText) is not one of \(EvidenceMethod.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let parsedOutcome = Outcome(rawValue: outcomeText)
        if parsedOutcome == nil { reasons.append("outcome \(outcomeText) is not satisfactory or not-yet") }
        let parsedDate = CalendarDate(dateText)
        if parsedDate == nil { reasons.append(CalendarDate.problem(with: dateText)) }
        var minutes: Int?
        if let hours {
            do {
                minutes = try EvidenceHours(hours, decimalComma: decimalComma, commaAdvice: "read only in ;-separated files").minutes
            } catch {
                reasons.append(error.summary)
            }
        }
        if let site, !site.isEmpty {
            // Never accepted unchecked: a (trainee, site) that load(...) did not see is refused.
            switch siteProblems[Self.siteKey(trainee, site)] {
            case .none: reasons.append("site \(site) was not checked against the sites of the trainee's employer")
            case .some(.some(let problem)): reasons.append(problem)
            case .some(.none): break
            }
        }
        let enrolled = enrolledRef(curriculum, trainee: trainee).flatMap { enrolledVersions[$0] }
        guard let resolved = enrolled ?? curricula[curriculum] else {
            return .failure(Refusal("row", reasons: ["curriculum \(curriculum) was not read"]))
        }
        guard case .success(let (ref, model)) = resolved else {
            if case .failure(let refusal) = resolved { reasons.append(refusal.summary) }
            return .failure(Refusal("row", reasons: reasons))
        }
        guard reasons.isEmpty, let parsedDate else { return .failure(Refusal("row", reasons: reasons)) }
        let traineeID = TraineeID(trainee)
        let entry = LedgerEntry(
            kind: .evidence, trainee: traineeID, curriculum: ref, date: parsedDate, unit: UnitCode(unit), target: parsedTarget,
            method: parsedMethod, outcome: parsedOutcome, site: site, minutes: minutes, note: note, attachmentSHA256: attachment,
            assessor: assessor.map(AssessorID.init))
        var registered: Assessor?
        if let id = entry.assessor { registered = assessors[id] ?? nil }
        // Worked out for each row from the trainee's few enrolment entries: a cache by trainee, curriculum
        // and date would hold nearly one key per row, and memory would grow with the file.
        let enrolments = enrolmentEntries[traineeID] ?? []
        let isEnrolled = EnrolmentState(enrolments, trainee: traineeID, ref: ref, asOf: parsedDate).isActive
        let notEnrolled =
            isEnrolled
            ? nil
            : EnrolmentState.notEnrolledReason(
                enrolments, trainee: traineeID, ref: ref, on: parsedDate, registered: self.registered[traineeID])
        reasons += EvidenceCheck.problems(with: entry, curriculum: model, assessor: registered, notEnrolled: notEnrolled, today: today)
        return reasons.isEmpty ? .success(entry) : .failure(Refusal("row", reasons: reasons))
    }

    /// The version of a bare code `text` that `trainee` is enrolled in (and not withdrawn from), as
    /// ``EnrolmentState/activeEnrolment(in:trainee:code:)`` reads it; `nil` for `CODE@x.y.z` or no enrolment.
    private func enrolledRef(_ text: String, trainee: String?) -> CurriculumRef? {
        guard let trainee, !text.contains("@") else { return nil }
        let id = TraineeID(trainee)
        guard let entries = enrolmentEntries[id] else { return nil }
        let key = trainee + "\u{0}" + text
        if let cached = activeRefs[key] { return cached }
        let ref = EnrolmentState.activeEnrolment(in: entries, trainee: id, code: CurriculumCode(text))?.ref
        activeRefs[key] = .some(ref)
        return ref
    }

    private static func siteKey(_ trainee: String, _ site: String) -> String { trainee + "\u{0}" + site }

    /// Why `site` is refused for `trainee` (``AdmissionCheck/siteProblem(_:site:)``), or nil; a
    /// store that does not read refuses the row, naming why.
    private func siteProblem(_ trainee: TraineeID, site: String) async -> String? {
        do {
            if admission == nil { admission = AdmissionCheck(service: service, registry: try await service.store.registry()) }
            return try await admission?.siteProblem(trainee, site: site)
        } catch {
            return "site \(site) cannot be checked against the employer's sites: \(error)"
        }
    }

    private func curriculum(_ text: String) async -> Result<(CurriculumRef, Curriculum), Refusal> {
        if let cached = curricula[text] { return cached }
        let result = await read(text)
        curricula[text] = result
        return result
    }

    /// The version `text` resolves to (``ProgressService/resolve(_:)``) and its model, or why not.
    private func read(_ text: String) async -> Result<(CurriculumRef, Curriculum), Refusal> {
        let result: Result<(CurriculumRef, Curriculum), Refusal>
        do {
            let ref = try await service.resolve(text)
            result = .success((ref, try await service.curriculum(ref)))
        } catch let refusal as Refusal {
            result = .failure(refusal)
        } catch {
            result = .failure(Refusal("curriculum \(text) cannot be read: \(error)"))
        }
        return result
    }

    private func assessor(_ id: AssessorID) async -> Assessor? {
        if let cached = assessors[id] { return cached }
        let found = try? await service.store.assessor(id)
        assessors[id] = .some(found ?? nil)
        return found ?? nil
    }
}
