public import VetaCurricula

/// A trainee's progress in one unit of competency, as of a date.
public struct UnitStatus: Hashable, Sendable, Codable {
    /// The unit.
    public var unit: UnitCode
    /// Where the trainee stands in the unit.
    public var state: UnitState
    /// Performance criteria covered by satisfactory evidence.
    public var criteriaCovered: Int
    /// Performance criteria the unit has.
    public var criteriaTotal: Int
    /// Knowledge items covered by satisfactory evidence.
    public var knowledgeCovered: Int
    /// Knowledge items the unit has.
    public var knowledgeTotal: Int
    /// Distinct dates of satisfactory evidence that shows performance; at least ``occasionsRequired``
    /// when recognition of prior learning or credit transfer covers the unit.
    public var occasions: Int
    /// Satisfactory performance occasions, each on a different date, the unit requires.
    public var occasionsRequired: Int
    /// Minutes recorded on evidence for the unit, whatever its outcome.
    public var minutes: Int
    /// The date of the sign-off that counts (the latest), if the unit was signed off.
    public var signedOffOn: CalendarDate?
    /// When that sign-off stops being valid, if the curriculum requires recertification.
    public var expiresOn: CalendarDate?
    /// What is still needed, readable and in order: criteria, knowledge items, performance occasions,
    /// prerequisite sign-offs, a renewed sign-off. Empty when the unit is signed off and valid.
    public var missing: [String]

    /// Creates a status; ``CompetencyEngine`` computes them from the ledger.
    public init(
        unit: UnitCode, state: UnitState, criteriaCovered: Int, criteriaTotal: Int, knowledgeCovered: Int,
        knowledgeTotal: Int, occasions: Int, occasionsRequired: Int, minutes: Int, signedOffOn: CalendarDate? = nil,
        expiresOn: CalendarDate? = nil, missing: [String] = []
    ) {
        self.unit = unit
        self.state = state
        self.criteriaCovered = criteriaCovered
        self.criteriaTotal = criteriaTotal
        self.knowledgeCovered = knowledgeCovered
        self.knowledgeTotal = knowledgeTotal
        self.occasions = occasions
        self.occasionsRequired = occasionsRequired
        self.minutes = minutes
        self.signedOffOn = signedOffOn
        self.expiresOn = expiresOn
        self.missing = missing
    }

    /// How far along the unit is, from 0 to 1.
    ///
    /// 1 when signed off; otherwise the covered criteria, covered knowledge items and met occasions
    /// (at most the required number) over their totals, never more than 0.99 until a sign-off.
    public var fractionComplete: Double {
        if state == .signedOff { return 1 }
        // A ratio, so counted in Double: the counts come from the curriculum and may be as large as `Int.max`.
        let total = Double(max(criteriaTotal, 0)) + Double(max(knowledgeTotal, 0)) + Double(max(occasionsRequired, 0))
        guard total > 0 else { return 0 }
        let met = min(max(occasions, 0), max(occasionsRequired, 0))
        let done = Double(max(criteriaCovered, 0)) + Double(max(knowledgeCovered, 0)) + Double(met)
        return min(max(done / total, 0), 0.99)
    }

    /// Whether the unit counts towards the curriculum's packaging rules: signed off and not expired.
    var counts: Bool { state == .signedOff }
}
