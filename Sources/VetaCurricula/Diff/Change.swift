/// One difference between two versions of a curriculum, and the version bump it requires on its own.
public struct Change: Hashable, Sendable, Codable {
    /// Whether something was added, removed or changed.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// Only in the new version.
        case added
        /// Only in the old version.
        case removed
        /// In both, with a different value.
        case changed
    }

    /// What part of a curriculum changed.
    public enum Subject: String, Hashable, Sendable, Codable, CaseIterable {
        /// The curriculum as a whole: title, description, level.
        case curriculum
        /// A unit of competency, its title, application, safety flag or assessment conditions.
        case unit
        /// A unit's prerequisite.
        case prerequisite
        /// An element of competency.
        case element
        /// A performance criterion.
        case criterion
        /// A unit's performance evidence: its text or its occasions.
        case performanceEvidence
        /// An item of knowledge evidence.
        case knowledge
        /// Nominal hours of a unit, or the curriculum's volume of learning.
        case hours
        /// The packaging rules: totals, core units, elective groups and electives.
        case packaging
    }

    /// Added, removed or changed.
    public let kind: Kind
    /// What changed.
    public let subject: Subject
    /// Where, slash-separated: `RIIWHS201E/2/2.3`, `RIIWHS201E/K3`, `A/RIIERR302D`; empty for the curriculum.
    public let path: String
    /// Which property of a changed item, e.g. `text (en)`, `occasions`, `totalUnits`; `nil` for additions and removals.
    public let aspect: String?
    /// The old value, when one applies.
    public let old: String?
    /// The new value, when one applies.
    public let new: String?
    /// The bump this change requires.
    public let bump: Bump

    /// Creates a change.
    public init(
        _ kind: Kind, _ subject: Subject, path: String, aspect: String? = nil, old: String? = nil, new: String? = nil,
        bump: Bump
    ) {
        self.kind = kind
        self.subject = subject
        self.path = path
        self.aspect = aspect
        self.old = old
        self.new = new
        self.bump = bump
    }

    /// The path for people: components separated by spaces, a criterion without its element (`RIIWHS201E 2.3`).
    public var displayPath: String {
        var parts = path.split(separator: "/").map(String.init)
        if subject == .criterion && parts.count == 3 { parts.remove(at: 1) }
        return parts.joined(separator: " ")
    }

    /// One line: `+ criterion RIIWHS201E 2.3 (minor)` or `~ performanceEvidence RIIWHS201E occasions changed 2 → 3 (major)`.
    public var line: String {
        let sign =
            switch kind {
            case .added: "+"
            case .removed: "-"
            case .changed: "~"
            }
        var words = [sign, subject.rawValue]
        if !displayPath.isEmpty { words.append(displayPath) }
        if let aspect { words.append(aspect) }
        if kind == .changed { words.append("changed") }
        if let old, let new, old.count <= 24, new.count <= 24 { words.append("\(old) → \(new)") }
        words.append("(\(bump.rawValue))")
        return words.joined(separator: " ")
    }
}
