public import VetaCurricula

extension EnrolmentState {
    /// Why `trainee` is not enrolled in `ref` on `date`, naming the real reason: no such trainee,
    /// a date before the enrolment (with the enrolment's date), a withdrawal before the date, or no
    /// enrolment in that version at all.
    ///
    /// - Parameters:
    ///   - entries: The trainee's enrolment, withdrawal and correction entries (others are ignored).
    ///   - registered: Whether the trainee is registered; `nil` when not looked up.
    public static func notEnrolledReason(
        _ entries: [LedgerEntry], trainee: TraineeID, ref: CurriculumRef, on date: CalendarDate, registered: Bool?
    ) -> String {
        if registered == false {
            return "there is no trainee \(trainee) (veta trainee list shows the registered ids; they are case-sensitive)"
        }
        let atDate = EnrolmentState(entries, trainee: trainee, ref: ref, asOf: date)
        let voided = CompetencyEngine.voidedSequences(entries, asOf: .latest)
        let later = entries.filter {
            $0.kind == .enrolment && $0.trainee == trainee && $0.curriculum == ref && $0.date > date && !voided.contains($0.sequence)
        }.map(\.date).min()
        if let later, !atDate.isActive {
            return "trainee \(trainee) is not enrolled in \(ref) on \(date): enrolled from \(later), and \(date) is before the enrolment"
        }
        if atDate.withdrawn {
            return "trainee \(trainee) is not enrolled in \(ref) on \(date): withdrawn on or before that day"
        }
        return "trainee \(trainee) is not enrolled in \(ref)"
    }
}
