public import VetaCurricula

/// A sign-off that has lapsed or soon will, or refresher training that falls due.
public struct DueItem: Hashable, Sendable, Codable {
    /// What falls due.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// A unit's sign-off has expired: the trainee needs a new one.
        case expired
        /// A unit's sign-off expires within the window asked for.
        case expiring
        /// The curriculum's refresher training is due before the enrolment's first sign-off expires.
        case refresherDue = "refresher-due"
    }

    /// The trainee.
    public var trainee: TraineeID
    /// The curriculum version of the enrolment.
    public var curriculum: CurriculumRef
    /// The unit whose sign-off lapses, or `nil` for refresher training, which concerns the whole enrolment.
    public var unit: UnitCode?
    /// What falls due.
    public var kind: Kind
    /// When it falls or fell due.
    public var date: CalendarDate

    /// Creates an item.
    public init(trainee: TraineeID, curriculum: CurriculumRef, unit: UnitCode?, kind: Kind, date: CalendarDate) {
        self.trainee = trainee
        self.curriculum = curriculum
        self.unit = unit
        self.kind = kind
        self.date = date
    }
}
