import Foundation
import VetaCurricula

extension ProgressService {
    func importTrainees(_ table: ImportTable, options: ImportOptions, progress: (@Sendable (Int, Int) -> Void)?) async throws
        -> ImportReport
    {
        let rows = table.rows
        let all = try await store.trainees()
        let existing = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let curpHolders = Dictionary(all.map { ($0.curp, $0.id) }, uniquingKeysWith: { first, _ in first })
        var employers: [RFC: Bool] = [:]
        var errors: [ImportReport.RowError] = []
        var trainees: [Trainee] = []
        var repeats: [Int] = []
        var finder = ImportTable.RepeatFinder()
        var seenIDs: [TraineeID: Int] = [:]
        var seenCURPs: [CURP: Int] = [:]
        for (index, row) in rows.enumerated() {
            progress?(index + 1, rows.count)
            let value: [String: String]
            switch finder.newRow(at: index, in: table) {
            case .success(let values): value = values
            case .failure(let error):
                errors.append(error)
                continue
            }
            // Every reason of a row is reported, not only the first (a repeated CURP does not hide an unknown employer).
            var reasons: [String] = []
            func check<T>(_ body: () throws -> T) -> T? {
                do { return try body() } catch {
                    reasons.append((error as? Refusal)?.summary ?? String(describing: error))
                    return nil
                }
            }
            let id = check { try TraineeID(validating: value["id"] ?? "", field: "id") }
            if let id, let earlier = seenIDs.updateValue(row.line, forKey: id) {
                reasons.append("trainee \(id) is also on line \(earlier)")
            }
            let curp = check { try CURP(value["curp"] ?? "") }
            if let curp, let earlier = seenCURPs.updateValue(row.line, forKey: curp) {
                reasons.append("CURP \(curp) is also on line \(earlier)")
            }
            let employer = check { try RFC(value["employer_rfc"] ?? "") }
            var trainee: Trainee?
            if let id, let curp, let employer {
                trainee = check {
                    try Trainee(
                        id: id, paternalSurname: value["paternal_surname"] ?? "", maternalSurname: value["maternal_surname"] ?? "",
                        givenNames: value["given_names"] ?? "", curp: curp, employer: employer, occupation: value["occupation"] ?? "",
                        jobTitle: value["job_title"] ?? ""
                    ).validated()
                }
            }
            if let id, let stored = existing[id] {
                if let trainee, stored == trainee, reasons.isEmpty {
                    repeats.append(row.line)
                    continue
                }
                reasons.append("trainee \(id) already exists with other details")
            }
            if let curp, let holder = curpHolders[curp], holder != id { reasons.append("trainee \(holder) already has the CURP \(curp)") }
            if let employer {
                if employers[employer] == nil { employers[employer] = try await store.organisation(employer) != nil }
                if employers[employer] != true { reasons.append("employer \(employer) is not registered") }
            }
            if let trainee, reasons.isEmpty {
                trainees.append(trainee)
            } else {
                errors.append(.init(line: row.line, reason: reasons.isEmpty ? "the row is not valid" : reasons.joined(separator: "; ")))
            }
        }
        guard errors.isEmpty else {
            return ImportReport(kind: .trainees, rows: rows.count, written: 0, alreadyStored: repeats.count, errors: errors)
        }
        if !repeats.isEmpty && !options.allowRepeat { throw Self.repeatRefusal(repeats, of: rows.count, kind: .trainees) }
        do {
            try await store.add(trainees)
        } catch let error as StoreError where error.kind == .conflict {
            // Checked above against the store as read: a conflict now means another process added
            // the trainee since, so the file is checked again.
            throw StoreError(.changed, error.message)
        }
        return ImportReport(kind: .trainees, rows: rows.count, written: trainees.count, alreadyStored: repeats.count, errors: [])
    }

    func importEnrolments(
        _ table: ImportTable, options: ImportOptions, after end: Int64, fileSHA256: String, progress: (@Sendable (Int, Int) -> Void)?
    ) async throws
        -> ImportReport
    {
        let rows = table.rows
        // The registry read once: the known trainees and, for the site checks, their employers.
        let registry = try await store.registry()
        let known = Set(registry.allTrainees().map(\.id))
        let existing = try await store.entries(ofKinds: [.enrolment, .withdrawal, .correction])
        let byTrainee = Dictionary(grouping: existing, by: \.trainee)
        var refs: [String: CurriculumRef] = [:]
        var errors: [ImportReport.RowError] = []
        var entries: [LedgerEntry] = []
        var repeats: [Int] = []
        var finder = ImportTable.RepeatFinder()
        var seen: [String: Int] = [:]
        var admission = AdmissionCheck(service: self, registry: registry)
        let today = try await today()
        for (index, row) in rows.enumerated() {
            if index % 1024 == 0 { progress?(index, rows.count) }
            let value: [String: String]
            switch finder.newRow(at: index, in: table) {
            case .success(let values): value = values
            case .failure(let error):
                errors.append(error)
                continue
            }
            do {
                let trainee = try TraineeID(validating: value["trainee"] ?? "", field: "trainee")
                guard known.contains(trainee) else { throw Refusal("trainee \(trainee) is not registered") }
                let text = value["curriculum"] ?? ""
                let ref: CurriculumRef
                if let cached = refs[text] {
                    ref = cached
                } else {
                    ref = try await resolveForEnrolment(text, allowDraft: false)
                    refs[text] = ref
                }
                guard let date = CalendarDate(value["date"] ?? "") else { throw Refusal(CalendarDate.problem(with: value["date"] ?? "")) }
                // One enrolment in a curriculum at a time, whatever the version or the date (the rule of
                // EnrolmentState.activeEnrolment, which the store checks again inside its write).
                if let earlier = seen.updateValue(row.line, forKey: trainee.rawValue + " " + ref.code.rawValue) {
                    throw Refusal("trainee \(trainee) is enrolled in \(ref.code) on line \(earlier) too")
                }
                if let active = EnrolmentState.activeEnrolment(in: byTrainee[trainee] ?? [], trainee: trainee, code: ref.code) {
                    guard active.ref == ref, active.enrolledOn == date else {
                        throw EnrolmentState.alreadyEnrolled(trainee, in: ref, active: active)
                    }
                    repeats.append(row.line)
                    continue
                }
                if let future = NotAfterToday.problem(date, of: .enrolment, today: today) { throw Refusal(future) }
                let site = value["site"].flatMap { $0.isEmpty ? nil : $0 }
                if let problem = try await admission.problem(trainee, in: ref, site: site, allowDraft: false) { throw Refusal(problem) }
                entries.append(LedgerEntry(kind: .enrolment, trainee: trainee, curriculum: ref, date: date, site: site))
            } catch let refusal as Refusal {
                errors.append(.init(line: row.line, reason: refusal.summary))
            }
        }
        guard errors.isEmpty else {
            return ImportReport(kind: .enrolments, rows: rows.count, written: 0, alreadyStored: repeats.count, errors: errors)
        }
        if !repeats.isEmpty && !options.allowRepeat { throw Self.repeatRefusal(repeats, of: rows.count, kind: .enrolments) }
        // The batch and the `import` entry that marks it, in one transaction (``ImportID/mark(after:count:sha256:on:)``).
        let stored = try await appendImport(entries, after: end, fileSHA256: fileSHA256) { _ in }
        var report = ImportReport(kind: .enrolments, rows: rows.count, written: stored.count, alreadyStored: repeats.count, errors: [])
        report.importID = ImportID.of(stored)
        return report
    }

    func importEvidence(
        _ table: ImportTable, options: ImportOptions, after end: Int64, fileSHA256: String, progress: (@Sendable (Int, Int) -> Void)?
    ) async throws
        -> ImportReport
    {
        let rows = table.rows
        let context = try await ImportContext.load(self)
        let stored = try await EvidenceKey.stored(in: store)
        var errors: [ImportReport.RowError] = []
        var entries: [LedgerEntry] = []
        var repeats: [Int] = []
        var finder = ImportTable.RepeatFinder()
        entries.reserveCapacity(rows.count)
        for (number, row) in rows.enumerated() {
            if number % 1024 == 0 { progress?(number, rows.count * 2) }
            let value: [String: String]
            switch finder.newRow(at: number, in: table) {
            case .success(let values): value = values
            case .failure(let error):
                errors.append(error)
                continue
            }
            func field(_ name: String) -> String? { value[name].flatMap { $0.isEmpty ? nil : $0 } }
            switch await context.entry(
                trainee: field("trainee"), curriculum: field("curriculum"), unit: field("unit"), target: field("target"),
                method: field("method"), outcome: field("outcome"), date: field("date"),
                hours: field("hours"), decimalComma: table.delimiter == .semicolon, site: field("site"), note: field("note"),
                assessor: field("assessor"), attachment: field("attachment_sha256"))
            {
            case .success(let entry):
                // The site was checked with the rest of the row (ImportContext), as the streamed reading checks it.
                if stored.contains(EvidenceKey(entry)) { repeats.append(row.line) }
                entries.append(entry)
            case .failure(let refusal): errors.append(.init(line: row.line, reason: refusal.reasons.joined(separator: "; ")))
            }
        }
        guard errors.isEmpty else {
            return ImportReport(kind: .evidence, rows: rows.count, written: 0, alreadyStored: repeats.count, errors: errors)
        }
        if !repeats.isEmpty && !options.allowRepeat { throw Self.repeatRefusal(repeats, of: rows.count, kind: .evidence) }
        let total = rows.count
        let counter = ProgressCounter()
        let written = try await appendImport(entries, after: end, fileSHA256: fileSHA256) { _ in
            let done = counter.increment()
            if done % 1024 == 0 || done == total { progress?(total + done, total * 2) }
        }
        var report = ImportReport(kind: .evidence, rows: rows.count, written: written.count, alreadyStored: repeats.count, errors: [])
        report.importID = ImportID.of(written)
        return report
    }

    /// Why a row equal to an earlier row of the file is refused.
    static func repeatedRow(_ earlier: Int) -> String {
        "repeats line \(earlier) (the same values once spaces are trimmed); if both are meant, make them differ, e.g. in the note"
    }
}

/// What makes two evidence entries the same record: trainee, curriculum, unit, target, method,
/// outcome, date and assessor (hours, site, note and attachment are left out).
struct EvidenceKey: Hashable {
    let trainee: TraineeID
    let curriculum: CurriculumRef
    let unit: UnitCode?
    let target: EvidenceTarget?
    let method: EvidenceMethod?
    let outcome: Outcome?
    let date: CalendarDate
    let assessor: AssessorID?

    init(_ entry: LedgerEntry) {
        (trainee, curriculum, unit, target) = (entry.trainee, entry.curriculum, entry.unit, entry.target)
        (method, outcome, date, assessor) = (entry.method, entry.outcome, entry.date, entry.assessor)
    }

    /// The keys of the evidence in the store that no correction voids.
    static func stored(in store: any ProgressStore) async throws -> Set<EvidenceKey> {
        let entries = try await store.entries(ofKinds: [.evidence, .correction])
        let voided = CompetencyEngine.voidedSequences(entries, asOf: .latest)
        return Set(entries.filter { $0.kind == .evidence && !voided.contains($0.sequence) }.map(EvidenceKey.init))
    }
}
