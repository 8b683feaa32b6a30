import VetaCurricula

/// One trainee's entries for one curriculum version that count as of a date: dated on or before it and not voided.
///
/// Nothing in it depends on the order of the entries.
struct EnrolmentLedger {
    /// Evidence per unit.
    private(set) var evidence: [UnitCode: UnitEvidence] = [:]
    /// The latest sign-off per unit, with its sequence to break ties between sign-offs on the same date.
    private(set) var signOffs: [UnitCode: (date: CalendarDate, sequence: Int64)] = [:]
    /// The first enrolment.
    private(set) var enrolledOn: CalendarDate?
    /// The latest withdrawal after the first enrolment, unless the trainee enrolled again after it.
    private(set) var withdrawnOn: CalendarDate?
    /// Minutes over all evidence.
    private(set) var minutes = 0

    init(trainee: TraineeID, ref: CurriculumRef, entries: [LedgerEntry], asOf: CalendarDate) {
        var relevant: [Int] = []
        var corrections: Set<Int64> = []
        var targets: [Int64] = []
        for index in entries.indices {
            let entry = entries[index]
            guard entry.date <= asOf, entry.trainee == trainee, entry.curriculum == ref else { continue }
            relevant.append(index)
            if entry.kind == .correction {
                corrections.insert(entry.sequence)
                if let target = entry.corrects { targets.append(target) }
            }
        }
        // As in ``CompetencyEngine/voidedSequences(_:asOf:)``: corrections of corrections are ignored.
        let voided = Set(targets.filter { !corrections.contains($0) })
        var enrolments: [(date: CalendarDate, sequence: Int64)] = []
        var withdrawals: [(date: CalendarDate, sequence: Int64)] = []
        for index in relevant {
            let entry = entries[index]
            if voided.contains(entry.sequence) { continue }
            switch entry.kind {
            case .enrolment: enrolments.append((entry.date, entry.sequence))
            case .withdrawal: withdrawals.append((entry.date, entry.sequence))
            case .evidence:
                minutes = minutes.clampedAdding(entry.minutes ?? 0)
                if let unit = entry.unit { evidence[unit, default: UnitEvidence()].add(entry) }
            case .signOff:
                guard let unit = entry.unit else { continue }
                let candidate = (date: entry.date, sequence: entry.sequence)
                if let current = signOffs[unit], (current.date, current.sequence) >= (candidate.date, candidate.sequence) {
                    continue
                }
                signOffs[unit] = candidate
            case .correction, .issue, .revocation, .supersession: continue
            default: continue
            }
        }
        let firstEnrolment = enrolments.min { ($0.date, $0.sequence) < ($1.date, $1.sequence) }
        enrolledOn = firstEnrolment?.date
        let lastWithdrawal = withdrawals.filter { withdrawal in
            firstEnrolment.map { (withdrawal.date, withdrawal.sequence) > ($0.date, $0.sequence) } ?? true
        }.max { ($0.date, $0.sequence) < ($1.date, $1.sequence) }
        if let lastWithdrawal,
            !enrolments.contains(where: { ($0.date, $0.sequence) > (lastWithdrawal.date, lastWithdrawal.sequence) })
        {
            withdrawnOn = lastWithdrawal.date
        }
    }
}
