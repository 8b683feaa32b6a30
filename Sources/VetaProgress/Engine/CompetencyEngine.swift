public import VetaCurricula

/// Works out where trainees stand from the evidence ledger: pure functions, no I/O.
///
/// Every function looks only at the entries it is given, counts only those dated on or before the
/// date asked about, and gives the same answer whatever order the entries come in.
///
/// ```swift
/// let status = CompetencyEngine.status(of: trainee, in: curriculum, ref: ref, entries: entries, asOf: .today())
/// for unit in status.units where unit.state < .signedOff { print(unit.unit, unit.missing) }
/// ```
public enum CompetencyEngine {
    /// A trainee's progress in one curriculum version, as of a date.
    ///
    /// Only entries for this trainee and curriculum version dated on or before `asOf` count, less the
    /// entries voided by corrections (see ``voidedSequences(_:asOf:)``).
    ///
    /// - Parameters:
    ///   - trainee: The trainee.
    ///   - curriculum: The curriculum version the entries refer to.
    ///   - ref: The reference the ledger uses for that curriculum version.
    ///   - entries: Ledger entries in any order; entries for other trainees or curricula are ignored.
    ///   - asOf: The date to compute the status for.
    public static func status(
        of trainee: TraineeID, in curriculum: Curriculum, ref: CurriculumRef, entries: [LedgerEntry], asOf: CalendarDate
    ) -> EnrolmentStatus {
        let ledger = EnrolmentLedger(trainee: trainee, ref: ref, entries: entries, asOf: asOf)
        let units = curriculum.units.map { unitStatus($0, in: curriculum, ledger: ledger, asOf: asOf) }
        let packaging = PackagingEvaluation(curriculum.packaging, units: units)
        let counted = units.filter(\.counts)
        return EnrolmentStatus(
            trainee: trainee, curriculum: ref, enrolledOn: ledger.enrolledOn, withdrawnOn: ledger.withdrawnOn, units: units,
            packagingSatisfied: packaging.isSatisfied, missing: packaging.missing, minutesRecorded: ledger.minutes,
            nominalHours: curriculum.volumeOfLearningHours, percentComplete: packaging.percentComplete,
            completedOn: packaging.isSatisfied ? counted.compactMap(\.signedOffOn).max() : nil,
            expiresOn: counted.compactMap(\.expiresOn).min(), refresherHours: curriculum.recertification?.refresherHours)
    }

    /// Why a unit may not be signed off on a date; empty when it may.
    ///
    /// A unit may be signed off when, as of `date`, its evidence is complete and every prerequisite
    /// has a sign-off that has not expired. A unit already signed off may be signed off again, to renew it.
    ///
    /// - Returns: Readable problems in order, like ``UnitStatus/missing``: criteria, knowledge items,
    ///   performance occasions, prerequisite sign-offs; or a single problem when the unit is not in the curriculum.
    public static func signOffProblems(
        unit code: UnitCode, trainee: TraineeID, in curriculum: Curriculum, ref: CurriculumRef, entries: [LedgerEntry],
        on date: CalendarDate
    ) -> [String] {
        guard let unit = curriculum.unit(code) else {
            return ["unit \(code) is not in curriculum \(ref)"]
        }
        let ledger = EnrolmentLedger(trainee: trainee, ref: ref, entries: entries, asOf: date)
        return UnitCoverage(unit, evidence: ledger.evidence[code]).missing
            + prerequisiteGaps(of: unit, in: curriculum, ledger: ledger, asOf: date)
    }

    /// The sequences of the entries voided by corrections dated on or before `asOf`.
    ///
    /// A correction voids the entry whose ``LedgerEntry/sequence`` is its ``LedgerEntry/corrects``.
    /// Corrections of corrections are not supported: a correction that names another correction
    /// among `entries` is ignored, so corrections themselves are never voided.
    public static func voidedSequences(_ entries: [LedgerEntry], asOf: CalendarDate) -> Set<Int64> {
        var corrections: Set<Int64> = []
        for entry in entries where entry.kind == .correction {
            corrections.insert(entry.sequence)
        }
        var voided: Set<Int64> = []
        for entry in entries where entry.kind == .correction && entry.date <= asOf {
            if let target = entry.corrects, !corrections.contains(target) {
                voided.insert(target)
            }
        }
        return voided
    }
}
