public import VetaCurricula

/// Whether a trainee is enrolled in a curriculum on a date, from the ledger alone.
public struct EnrolmentState: Hashable, Sendable {
    /// The date of the enrolment in force, if any.
    public let enrolledOn: CalendarDate?
    /// Whether the trainee has withdrawn since.
    public let withdrawn: Bool

    /// Reads the state from a trainee's entries (voided entries do not count).
    public init(_ entries: [LedgerEntry], trainee: TraineeID, ref: CurriculumRef, asOf date: CalendarDate) {
        let voided = CompetencyEngine.voidedSequences(entries, asOf: date)
        var enrolledOn: CalendarDate?
        var withdrawn = false
        for entry in entries.sorted(by: { $0.sequence < $1.sequence })
        where entry.trainee == trainee && entry.curriculum == ref && entry.date <= date && !voided.contains(entry.sequence) {
            switch entry.kind {
            case .enrolment:
                if enrolledOn == nil || withdrawn {
                    enrolledOn = entry.date
                    withdrawn = false
                }
            case .withdrawal:
                if enrolledOn != nil { withdrawn = true }
            default:
                continue
            }
        }
        self.enrolledOn = enrolledOn
        self.withdrawn = withdrawn
    }

    /// Enrolled and not withdrawn.
    public var isActive: Bool { enrolledOn != nil && !withdrawn }
}
