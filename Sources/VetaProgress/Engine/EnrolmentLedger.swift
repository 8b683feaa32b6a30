import VetaCurricula

/// One trainee's entries for one curriculum version that count as of a date: dated on or before it and not voided.
///
/// Nothing in it depends on the order of the entries.
struct EnrolmentLedger {
    /// Evidence per unit.
    private(set) var evidence: [UnitCode: UnitEvidence] = [:]
    /// The latest sign-off in force per unit (see ``SignOffBacking``), with its sequence to break
    /// ties between sign-offs on the same date, and its assessor.
    private(set) var signOffs: [UnitCode: (date: CalendarDate, sequence: Int64, assessor: AssessorID?)] = [:]
    /// The first enrolment.
    private(set) var enrolledOn: CalendarDate?
    /// The latest withdrawal after the first enrolment, unless the trainee enrolled again after it.
    private(set) var withdrawnOn: CalendarDate?
    /// Minutes over all evidence.
    private(set) var minutes = 0

    init(trainee: TraineeID, ref: CurriculumRef, entries: [LedgerEntry], asOf: CalendarDate, curriculum: Curriculum? = nil) {
        // Voiding is read over every entry given: a correction of the original voids evidence carried
        // to this version from another one (``Voiding``).
        let voided = Voiding(entries, asOf: asOf).voided
        var enrolments: [(date: CalendarDate, sequence: Int64)] = []
        var withdrawals: [(date: CalendarDate, sequence: Int64)] = []
        var counted: [UnitCode: [LedgerEntry]] = [:]
        var voidedEvidence: [UnitCode: [LedgerEntry]] = [:]
        var candidates: [UnitCode: [LedgerEntry]] = [:]
        var lostSignOffs: [UnitCode: [LedgerEntry]] = [:]
        for entry in entries {
            guard entry.date <= asOf, entry.trainee == trainee, entry.curriculum == ref else { continue }
            if voided.contains(entry.sequence) {
                if entry.kind == .evidence, let unit = entry.unit { voidedEvidence[unit, default: []].append(entry) }
                if entry.kind == .signOff, let unit = entry.unit { lostSignOffs[unit, default: []].append(entry) }
                continue
            }
            switch entry.kind {
            case .enrolment: enrolments.append((entry.date, entry.sequence))
            case .withdrawal: withdrawals.append((entry.date, entry.sequence))
            case .evidence:
                minutes = minutes.clampedAdding(entry.minutes ?? 0)
                if let unit = entry.unit {
                    evidence[unit, default: UnitEvidence()].add(entry)
                    counted[unit, default: []].append(entry)
                }
            case .signOff:
                if let unit = entry.unit { candidates[unit, default: []].append(entry) }
            default: continue
            }
        }
        var backed: [UnitCode: [LedgerEntry]] = [:]
        for (code, signOffs) in candidates {
            let backing = SignOffBacking(
                unit: curriculum?.unit(code), evidence: counted[code] ?? [], voidedEvidence: voidedEvidence[code] ?? [])
            for signOff in signOffs {
                if backing.isBacked(signOff) {
                    backed[code, default: []].append(signOff)
                } else {
                    lostSignOffs[code, default: []].append(signOff)
                }
            }
        }
        // Voiding carries along prerequisites: a sign-off whose prerequisite's sign-off stopped counting stops too.
        let counting = PrerequisiteBacking(curriculum: curriculum, backedByEvidence: backed, lost: lostSignOffs).counting()
        for (code, signOffs) in counting {
            let inForce = signOffs.max { ($0.date, $0.sequence) < ($1.date, $1.sequence) }
            if let inForce { self.signOffs[code] = (inForce.date, inForce.sequence, inForce.assessor) }
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
