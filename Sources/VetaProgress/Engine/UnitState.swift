/// Where a trainee stands in one unit of competency, from nothing recorded to a lapsed sign-off.
///
/// States are ordered as a unit normally moves through them: comparing two states tells which is further along.
public enum UnitState: String, Sendable, Codable, Comparable, CaseIterable {
    /// No evidence has been recorded for the unit.
    case notStarted = "not-started"
    /// Some evidence has been recorded, satisfactory or not, but not all the unit requires.
    case inProgress = "in-progress"
    /// Every criterion and knowledge item is covered and the performance occasions are met: it may be signed off.
    case evidenceComplete = "evidence-complete"
    /// An authorised assessor has signed the unit off and the sign-off is still valid.
    case signedOff = "signed-off"
    /// The unit was signed off, but the curriculum's validity period has passed since: it needs a new sign-off.
    case expired

    /// The position of the state in the order above.
    private var rank: Int {
        switch self {
        case .notStarted: 0
        case .inProgress: 1
        case .evidenceComplete: 2
        case .signedOff: 3
        case .expired: 4
        }
    }

    /// Whether `lhs` comes before `rhs` in the order not started, in progress, evidence complete, signed off, expired.
    public static func < (lhs: UnitState, rhs: UnitState) -> Bool {
        lhs.rank < rhs.rank
    }
}
