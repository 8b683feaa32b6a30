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

extension EnrolmentState {
    /// The enrolment in force in any version of curriculum `code`, whatever its date, or `nil`.
    ///
    /// The rule it serves: while a trainee is enrolled in a curriculum and has not withdrawn, no
    /// other enrolment in that curriculum (any version, any date, earlier ones included) is allowed.
    /// All entries count, however they are dated; voided ones do not.
    ///
    /// - Parameter entries: The trainee's entries (others are ignored), corrections included.
    public static func activeEnrolment(
        in entries: [LedgerEntry], trainee: TraineeID, code: CurriculumCode
    ) -> (ref: CurriculumRef, enrolledOn: CalendarDate)? {
        let refs = Set(entries.filter { $0.trainee == trainee && $0.curriculum.code == code }.map(\.curriculum))
        for ref in refs.sorted(by: { $0.version < $1.version }) {
            let state = EnrolmentState(entries, trainee: trainee, ref: ref, asOf: .latest)
            if state.isActive, let enrolledOn = state.enrolledOn { return (ref, enrolledOn) }
        }
        return nil
    }

    /// The refusal of an enrolment in `ref` while ``activeEnrolment(in:trainee:code:)`` found one.
    package static func alreadyEnrolled(_ trainee: TraineeID, in ref: CurriculumRef, active: (ref: CurriculumRef, enrolledOn: CalendarDate))
        -> Refusal
    {
        Refusal(
            "trainee \(trainee) is already enrolled in \(active.ref) (since \(active.enrolledOn))"
                + (active.ref == ref ? "" : "; not enrolled in \(ref) as well"),
            reasons: ["a trainee is enrolled in a curriculum once at a time: withdraw first (veta withdraw) to enrol again"])
    }
}
