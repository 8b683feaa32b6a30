/// A foundation skill of a unit (schema 1.1): a language, literacy, numeracy or employment skill
/// the unit depends on, and what it means for performance in this unit.
public struct FoundationSkill: Hashable, Sendable, Codable {
    /// The skill, e.g. Reading or Numeracy.
    public let name: LocalizedText
    /// What the skill involves in this unit.
    public let description: LocalizedText
    /// Where the `<skill>` is.
    public let location: SourceLocation
}

/// A variable of a unit's range of conditions (schema 1.1): a term of the performance criteria
/// and what it means or includes in this unit.
public struct RangeVariable: Hashable, Sendable, Codable {
    /// The variable, e.g. Hazards.
    public let name: LocalizedText
    /// What it means or includes.
    public let meaning: LocalizedText
    /// Where the `<variable>` is.
    public let location: SourceLocation
}
