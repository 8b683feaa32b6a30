/// How much a curriculum's semantic version must rise for a change: ``patch`` < ``minor`` < ``major``.
public enum Bump: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// Only wording or translations changed: titles, descriptions, Spanish text.
    case patch
    /// Something was added or relaxed: a unit, element, criterion, knowledge item, elective, or hours.
    case minor
    /// A requirement was removed or changed in meaning, or the packaging was made stricter.
    case major

    public static func < (lhs: Bump, rhs: Bump) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .patch: 0
        case .minor: 1
        case .major: 2
        }
    }

    /// The bump declared by going from `old` to `new`: the highest number that rose.
    ///
    /// - Returns: `nil` when `new` is not higher than `old`.
    public static func declared(from old: SemanticVersion, to new: SemanticVersion) -> Bump? {
        guard new > old else { return nil }
        if new.major > old.major { return .major }
        if new.major == old.major && new.minor > old.minor { return .minor }
        return .patch
    }
}
