public import VetaCurricula

extension CompetencyEngine {
    /// The sign-off in force per unit as of `asOf`: the latest one not voided (directly or along
    /// provenance) whose evidence still covers the unit. Voided sign-offs and sign-offs left without
    /// evidence count nowhere: not in the status, not for prerequisites, not on a DC-3's instructor line.
    ///
    /// - Returns: The sequence and assessor of each unit's sign-off in force.
    public static func signOffsInForce(
        of trainee: TraineeID, in curriculum: Curriculum, ref: CurriculumRef, entries: [LedgerEntry], asOf: CalendarDate
    ) -> [UnitCode: (sequence: Int64, assessor: AssessorID?)] {
        let ledger = EnrolmentLedger(trainee: trainee, ref: ref, entries: entries, asOf: asOf, curriculum: curriculum)
        return ledger.signOffs.mapValues { ($0.sequence, $0.assessor) }
    }

    /// Why `unit` may not be signed off again on `date`: it has a sign-off in force that has not
    /// expired by then (a curriculum without recertification: it never expires). `nil` when it may.
    static func alreadySignedOff(_ unit: UnitCode, in curriculum: Curriculum, ledger: EnrolmentLedger, on date: CalendarDate) -> String? {
        guard let current = ledger.signOffs[unit] else { return nil }
        let expiresOn = expiry(ofSignOffOn: current.date, in: curriculum)
        if let expiresOn, expiresOn <= date { return nil }
        return "\(unit) is already signed off on \(current.date) (entry \(current.sequence))"
            + (expiresOn.map { " and has not expired (it expires on \($0))" } ?? " and does not expire")
            + ": a unit is signed off again only once its sign-off has expired; correct the sign-off (veta correct) if it was a mistake"
    }
}
