import VetaCurricula

/// The one rule every correction follows, whether `veta correct` names one entry or several.
///
/// - A correction voids an earlier entry that is evidence, a sign-off, an enrolment, a withdrawal
///   or a correction; an issued record's entry is revoked or re-issued instead, and a registry
///   entry amended.
/// - Correcting a correction reinstates the entry it voided (with its own reason).
/// - An entry is corrected once.
/// - An enrolment is not reinstated while the trainee is enrolled in that curriculum again (once
///   the other corrections written with it are counted), nor twice in one go.
extension ProgressService {
    /// Why a correction may not void `target`, or `nil`. Stored entries never change: this is checked once.
    static func uncorrectable(_ target: LedgerEntry) -> String? {
        if target.kind.isRecord {
            return "entry \(target.sequence) is about an issued record; revoke or re-issue the record instead (veta revoke, veta reissue)"
        }
        if target.kind == .importBatch {
            let id = target.registry?.subject ?? "FIRST-LAST"
            return "entry \(target.sequence) marks import \(id); undo the import instead (veta import --undo \(id) --reason ...)"
        }
        if target.kind.isRegistry {
            return
                "entry \(target.sequence) is \(target.kind.withArticle) entry of the registry; amend the data instead (veta org|trainee|assessor amend)"
        }
        return nil
    }

    /// The corrections of `targets` dated `date` with `reason`; refused, naming every reason, when
    /// any may not be written (for one target, the refusal is that one reason).
    ///
    /// Called inside the write transaction that appends them (``checkedWrite(_:)``), after `end`:
    /// the log as it is then decides whether an entry is already corrected and whether a
    /// reinstated enrolment would enrol its trainee twice.
    func checkedCorrections(of targets: [LedgerEntry], reason: String, on date: CalendarDate, after end: Int64) async throws
        -> [LedgerEntry]
    {
        var problems = targets.compactMap(Self.uncorrectable)
        let stored = try await store.entries(ofKinds: [.correction])
        var correctedBy: [Int64: Int64] = [:]
        for correction in stored {
            if let target = correction.corrects, correctedBy[target] == nil { correctedBy[target] = correction.sequence }
        }
        problems += targets.compactMap { target in
            correctedBy[target.sequence].map { "entry \(target.sequence) is already corrected by entry \($0)" }
        }
        // The corrections as they would be numbered once appended.
        let corrections = targets.enumerated().map { index, target in
            LedgerEntry(
                kind: .correction, trainee: target.trainee, curriculum: target.curriculum, date: date, note: reason,
                corrects: target.sequence, sequence: end + Int64(index) + 1)
        }
        var reinstating: [String: Int64] = [:]
        for (index, target) in targets.enumerated() where target.kind == .correction {
            guard let voided = target.corrects,
                case .success(let reinstated)? = try await store.entries(from: voided, through: voided).first(where: {
                    (try? $0.get().sequence) == voided
                }),
                reinstated.kind == .enrolment
            else { continue }
            let key = reinstated.trainee.rawValue + "\u{0}" + reinstated.curriculum.code.rawValue
            if let other = reinstating.updateValue(target.sequence, forKey: key) {
                problems.append(
                    "entries \(other) and \(target.sequence) both reinstate an enrolment of \(reinstated.trainee) in \(reinstated.curriculum.code); reinstate one"
                )
                continue
            }
            var others = corrections
            others.remove(at: index)
            let entries = try await store.entries(for: reinstated.trainee) + others
            if let active = EnrolmentState.activeEnrolment(in: entries, trainee: reinstated.trainee, code: reinstated.curriculum.code) {
                problems.append(
                    "entry \(target.sequence) voided enrolment \(reinstated.sequence); reinstating it would enrol \(reinstated.trainee) twice: "
                        + "\(reinstated.trainee) is enrolled in \(active.ref) since \(active.enrolledOn): withdraw first (veta withdraw)")
            }
        }
        if targets.count == 1, problems.count == 1 { throw Refusal(problems[0]) }
        guard problems.isEmpty else { throw Refusal("nothing was corrected", reasons: problems) }
        return corrections
    }
}
