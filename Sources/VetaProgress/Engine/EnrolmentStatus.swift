/// A trainee's progress in one curriculum version, as of a date.
public struct EnrolmentStatus: Hashable, Sendable, Codable {
    /// The trainee.
    public var trainee: TraineeID
    /// The curriculum version.
    public var curriculum: CurriculumRef
    /// The date of the first enrolment that counts, if the trainee enrolled.
    public var enrolledOn: CalendarDate?
    /// The date of the latest withdrawal after enrolling, unless the trainee enrolled again after it.
    public var withdrawnOn: CalendarDate?
    /// Each unit's status, in curriculum order.
    public var units: [UnitStatus]
    /// Whether the units signed off and still valid satisfy the curriculum's packaging rules.
    public var packagingSatisfied: Bool
    /// The packaging gaps, readable and in order: core units, electives per group, units in total.
    /// Empty when ``packagingSatisfied``.
    public var missing: [String]
    /// Minutes recorded on evidence, whatever its outcome.
    public var minutesRecorded: Int
    /// The curriculum's declared volume of learning, in hours.
    public var nominalHours: Int
    /// How far along the trainee is, from 0 to 100: 100 only when the packaging is satisfied.
    public var percentComplete: Double
    /// When the packaging became satisfied: the latest sign-off among the units that count.
    public var completedOn: CalendarDate?
    /// The earliest expiry among the units that count, when the curriculum requires recertification.
    public var expiresOn: CalendarDate?
    /// The curriculum's refresher training hours, when it sets them.
    public var refresherHours: Int?

    /// Creates a status; ``CompetencyEngine/status(of:in:ref:entries:asOf:)`` computes them from the ledger.
    public init(
        trainee: TraineeID, curriculum: CurriculumRef, enrolledOn: CalendarDate? = nil, withdrawnOn: CalendarDate? = nil,
        units: [UnitStatus], packagingSatisfied: Bool, missing: [String] = [], minutesRecorded: Int = 0,
        nominalHours: Int, percentComplete: Double, completedOn: CalendarDate? = nil, expiresOn: CalendarDate? = nil,
        refresherHours: Int? = nil
    ) {
        self.trainee = trainee
        self.curriculum = curriculum
        self.enrolledOn = enrolledOn
        self.withdrawnOn = withdrawnOn
        self.units = units
        self.packagingSatisfied = packagingSatisfied
        self.missing = missing
        self.minutesRecorded = minutesRecorded
        self.nominalHours = nominalHours
        self.percentComplete = percentComplete
        self.completedOn = completedOn
        self.expiresOn = expiresOn
        self.refresherHours = refresherHours
    }

    /// Whether the trainee has withdrawn (and not enrolled again since).
    public var isWithdrawn: Bool { withdrawnOn != nil }
}
