public import VetaCurricula

/// Works out where trainees stand from the evidence ledger: pure functions, no I/O.
///
/// Every function looks only at the entries it is given, counts only those dated on or before the
/// date asked about, and gives the same answer whatever order the entries come in.
///
/// ```swift
/// let status = CompetencyEngine.status(of: trainee, in: curriculum, ref: ref, entries: entries, asOf: try await service.today())
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
        let ledger = EnrolmentLedger(trainee: trainee, ref: ref, entries: entries, asOf: asOf, curriculum: curriculum)
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
    /// has a sign-off that has not expired, and the unit has no sign-off in force that has not expired
    /// (a unit is signed off again only to renew an expired sign-off; see ``alreadySignedOff(_:in:ledger:on:)``).
    /// An entry voided by any correction in `entries` counts nowhere, whatever the dates: a sign-off
    /// is written now, so a correction dated after `date` has already voided what it names.
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
        // Every correction counts, whatever its date (a voided entry blocks nothing).
        let corrected = everyCorrectionApplied(entries)
        let ledger = EnrolmentLedger(trainee: trainee, ref: ref, entries: corrected, asOf: date, curriculum: curriculum)
        return alreadySignedOff(code, in: curriculum, ledger: ledger, on: date).map { [$0] }
            ?? UnitCoverage(unit, evidence: ledger.evidence[code]).missing
            + prerequisiteGaps(of: unit, in: curriculum, ledger: ledger, asOf: date)
    }

    /// The sequences of the entries voided by corrections dated on or before `asOf`.
    ///
    /// A correction voids the entry it names; a correction of a correction reinstates that entry;
    /// an entry derived from a voided one is voided too, transitively (see ``Voiding``).
    public static func voidedSequences(_ entries: [LedgerEntry], asOf: CalendarDate) -> Set<Int64> {
        Voiding(entries, asOf: asOf).voided
    }
}
