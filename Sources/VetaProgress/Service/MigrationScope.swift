import VetaCurricula

/// Whom `veta migrate` moves, and which units it lists for them.
enum MigrationScope {
    /// Whether the trainee is still in training in `ref`: enrolled and not yet complete there.
    static func inTraining(
        _ trainee: TraineeID, in curriculum: Curriculum, ref: CurriculumRef, entries: [LedgerEntry], asOf date: CalendarDate
    )
        -> Bool
    {
        !CompetencyEngine.status(of: trainee, in: curriculum, ref: ref, entries: entries, asOf: date).packagingSatisfied
    }

    /// The units of `new` the trainee must take: its core units and the electives the trainee has
    /// started in `old` (satisfactory or not, evidence or a sign-off that is not voided). Electives
    /// they never chose are left out.
    static func unitsToTake(
        _ trainee: TraineeID, old: Curriculum, new: Curriculum, ref: CurriculumRef, entries: [LedgerEntry], voided: Set<Int64>
    ) -> Set<UnitCode> {
        let started = Set(
            entries.filter {
                $0.trainee == trainee && $0.curriculum == ref && ($0.kind == .evidence || $0.kind == .signOff)
                    && !voided.contains($0.sequence)
            }.compactMap(\.unit))
        let core = Set(new.packaging.core.map(\.code))
        return core.union(started.filter { new.unit($0) != nil })
    }
}
