import Foundation
public import VetaCurricula

/// A plan to move enrolments from one version of a curriculum to another.
public struct MigrationPlan: Hashable, Sendable, Codable {
    /// One trainee's part of the plan.
    public struct TraineePlan: Hashable, Sendable, Codable {
        /// The trainee.
        public let trainee: TraineeID
        /// Evidence entries carried over, by original sequence.
        public let carriedOver: [Int64]
        /// Evidence that does not carry over (its criterion, element, knowledge item or unit changed or went).
        public let notCarried: [Int64]
        /// What the trainee still needs in the new version, in the units they must take: the core
        /// units and the electives they have started (evidence or a sign-off in the old version), never
        /// electives they never chose.
        public let toAssess: [String]
        /// Units swapped for a successor that is not equivalent (schema 1.1 `<supersedes equivalent="no">`)
        /// in which the trainee had evidence or a sign-off: `RIICCM201E supersedes RIICCM201D, not equivalent: reassess`.
        public var reassess: [String] = []
    }

    /// The version enrolments move from.
    public let from: CurriculumRef
    /// The version they move to.
    public let to: CurriculumRef
    /// Per trainee, by id.
    public let trainees: [TraineePlan]
    /// Trainees left in the old version because they are no longer in training there (they
    /// completed it); moved too only with `includeCompleted`.
    public var notInTraining: [TraineeID] = []
}

extension ProgressService {
    /// Plans (and unless `dryRun`, carries out) moving every active enrolment in `from` to `to`:
    /// each trainee is withdrawn from `from` and enrolled in `to`; satisfactory evidence against
    /// criteria, elements, knowledge items or units that are unchanged in `to` is recorded again in
    /// `to` as entries whose `derivedFrom` names the original (provenance is never lost). Sign-offs
    /// are not carried over: a signature covers the old version's entry, so an assessor signs again.
    ///
    /// Only enrolments still in training move: a trainee who completed `from` stays in it (listed in
    /// ``MigrationPlan/notInTraining``) unless `includeCompleted`.
    ///
    /// `to` must take enrolments as `veta enrol` requires (``AdmissionCheck/versionProblem(_:allowDraft:)``:
    /// not withdrawn, not a draft unless `allowDraft`), and the migration is not dated after today.
    public func migrate(
        from: CurriculumRef, to: CurriculumRef, on date: CalendarDate, dryRun: Bool, includeCompleted: Bool = false,
        allowDraft: Bool = false
    ) async throws -> MigrationPlan {
        guard from.code == to.code, from.version < to.version else {
            throw Refusal("migrate moves enrolments to a later version of the same curriculum (\(from) → \(to))")
        }
        let old = try await curriculum(from)
        let new = try await curriculum(to)
        var admission = AdmissionCheck(service: self)
        if let problem = try await admission.versionProblem(to, allowDraft: allowDraft) {
            throw Refusal("migration from \(from) to \(to) refused", reasons: [problem])
        }
        try await requireNotAfterToday(date, for: "a migration")
        // The plan is made from the ledger as read and written only if the ledger is still as read
        // (``checkedWrite(_:)``): an enrolment, withdrawal or correction written meanwhile is planned with.
        return try await checkedWrite { end in
            try await migrate(
                from: from, to: to, old: old, new: new, on: date, dryRun: dryRun, includeCompleted: includeCompleted, after: end)
        }
    }

    private func migrate(
        from: CurriculumRef, to: CurriculumRef, old: Curriculum, new: Curriculum, on date: CalendarDate, dryRun: Bool,
        includeCompleted: Bool, after end: Int64
    ) async throws -> MigrationPlan {
        let byTrainee = Dictionary(grouping: try await store.entries(in: from), by: \.trainee)
        var plans: [MigrationPlan.TraineePlan] = []
        var writes: [LedgerEntry] = []
        var notInTraining: [TraineeID] = []
        // Schema 1.1: units swapped for their successor, by the earlier unit's code.
        let swaps = Dictionary(UnitSwap.between(old, new).map { ($0.earlier.code, $0) }, uniquingKeysWith: { first, _ in first })
        for trainee in byTrainee.keys.sorted() {
            let entries = try await store.entries(for: trainee)
            guard EnrolmentState(entries, trainee: trainee, ref: from, asOf: date).isActive else { continue }
            if !includeCompleted && !MigrationScope.inTraining(trainee, in: old, ref: from, entries: entries, asOf: date) {
                notInTraining.append(trainee)
                continue
            }
            if EnrolmentState(entries, trainee: trainee, ref: to, asOf: date).isActive {
                throw Refusal("trainee \(trainee) is already enrolled in \(to)")
            }
            let voided = CompetencyEngine.voidedSequences(entries, asOf: date)
            let evidence = entries.filter {
                $0.kind == .evidence && $0.curriculum == from && $0.outcome == .satisfactory && !voided.contains($0.sequence)
            }
            var carried: [LedgerEntry] = []
            var notCarried: [Int64] = []
            for entry in evidence {
                if let unit = entry.unit, let target = entry.target, CarryOver.unchanged(target, unit: unit, old: old, new: new) {
                    var copy = LedgerEntry(
                        kind: .evidence, trainee: trainee, curriculum: to, date: entry.date, unit: unit, target: target,
                        method: entry.method,
                        outcome: entry.outcome, site: entry.site, minutes: entry.minutes,
                        note: "carried over from \(from) entry \(entry.sequence)",
                        attachmentSHA256: entry.attachmentSHA256, assessor: entry.assessor)
                    copy.derivedFrom = entry.sequence
                    carried.append(copy)
                } else if let unit = entry.unit, let target = entry.target, let swap = swaps[unit], swap.equivalent,
                    EvidenceCheck.targetProblem(target, unit: swap.successor) == nil
                {
                    // An equivalent successor: the evidence counts for it, against the same target.
                    var copy = LedgerEntry(
                        kind: .evidence, trainee: trainee, curriculum: to, date: entry.date, unit: swap.successor.code, target: target,
                        method: entry.method,
                        outcome: entry.outcome, site: entry.site, minutes: entry.minutes,
                        note:
                            "carried over from \(from) entry \(entry.sequence): \(swap.successor.code) supersedes and is equivalent to \(unit)",
                        attachmentSHA256: entry.attachmentSHA256, assessor: entry.assessor)
                    copy.derivedFrom = entry.sequence
                    carried.append(copy)
                } else {
                    notCarried.append(entry.sequence)
                }
            }
            let enrolment = LedgerEntry(kind: .enrolment, trainee: trainee, curriculum: to, date: date, note: "migrated from \(from)")
            let projected = CompetencyEngine.status(
                of: trainee, in: new, ref: to,
                entries: [enrolment]
                    + carried.enumerated().map { index, entry in
                        var numbered = entry
                        numbered.sequence = Int64(index + 1)
                        return numbered
                    }, asOf: date)
            let started = Set(
                entries.filter {
                    $0.curriculum == from && ($0.kind == .evidence || $0.kind == .signOff) && !voided.contains($0.sequence)
                }.compactMap(\.unit))
            let swapped = swaps.values.filter { started.contains($0.earlier.code) }.sorted { $0.successor.code < $1.successor.code }
            let needed = MigrationScope.unitsToTake(trainee, old: old, new: new, ref: from, entries: entries, voided: voided)
                .union(swapped.map(\.successor.code))
            let toAssess = projected.units.filter { needed.contains($0.unit) }.flatMap { unit in
                unit.missing.map { "\(unit.unit): \($0)" }
            }
            var plan = MigrationPlan.TraineePlan(
                trainee: trainee, carriedOver: carried.compactMap(\.derivedFrom), notCarried: notCarried, toAssess: toAssess)
            plan.reassess = swapped.filter { !$0.equivalent }.map {
                "\($0.successor.code) supersedes \($0.earlier.code), not equivalent: reassess"
            }
            plans.append(plan)
            writes.append(LedgerEntry(kind: .withdrawal, trainee: trainee, curriculum: from, date: date, note: "migrated to \(to)"))
            writes.append(enrolment)
            writes += carried
        }
        if !dryRun && !writes.isEmpty { _ = try await store.append(writes, after: end) { _ in } }
        var plan = MigrationPlan(from: from, to: to, trainees: plans)
        plan.notInTraining = notInTraining
        return plan
    }
}

/// Whether evidence against a target still means the same in the new version.
enum CarryOver {
    static func unchanged(_ target: EvidenceTarget, unit code: UnitCode, old: Curriculum, new: Curriculum) -> Bool {
        guard let a = old.unit(code), let b = new.unit(code) else { return false }
        switch target {
        case .criterion(let number):
            return criterion(number, in: a) == criterion(number, in: b) && criterion(number, in: a) != nil
        case .element(let number):
            let x = a.elements.first { $0.number == number }
            let y = b.elements.first { $0.number == number }
            guard let x, let y else { return false }
            return x.criteria.map { [$0.number, $0.text.en] } == y.criteria.map { [$0.number, $0.text.en] }
        case .knowledge(let id):
            let x = knowledge(id, in: a)
            return x != nil && x == knowledge(id, in: b)
        case .unit:
            return a.elements.map { $0.criteria.map { [$0.number, $0.text.en] } }
                == b.elements.map { $0.criteria.map { [$0.number, $0.text.en] } }
                && a.knowledgeEvidence.map(meaning) == b.knowledgeEvidence.map(meaning)
                && a.performanceEvidence.occasions == b.performanceEvidence.occasions
                && a.performanceEvidence.requirements.map(performance) == b.performanceEvidence.requirements.map(performance)
        case .performance(let id):
            // Schema 1.1: a requirement means the same when its occasions and English text are unchanged.
            let x = a.performanceRequirement(id).map(performance)
            return x != nil && x == b.performanceRequirement(id).map(performance)
        }
    }

    /// What evidence against a knowledge item or point shows: an item's id and English text with its
    /// points' (schema 1.1), or a point's id and English text.
    static func knowledge(_ id: String, in unit: VetaCurricula.Unit) -> [String]? {
        if let item = unit.knowledgeEvidence.first(where: { $0.id == id }) { return meaning(item) }
        return unit.knowledgeText(id).map { [id, $0.en] }
    }

    private static func performance(_ requirement: PerformanceRequirement) -> [String] {
        [requirement.id, String(requirement.occasions), requirement.text.en]
    }

    private static func meaning(_ item: KnowledgeItem) -> [String] {
        [item.id, item.text.en] + item.points.flatMap { [$0.id, $0.text.en] }
    }

    static func criterion(_ number: String, in unit: VetaCurricula.Unit) -> String? {
        unit.elements.lazy.flatMap(\.criteria).first { $0.number == number }?.text.en
    }
}
