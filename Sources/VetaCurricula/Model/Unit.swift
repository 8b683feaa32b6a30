/// A unit of competency: what a worker must be able to do, to what standard, shown how.
public struct Unit: Hashable, Sendable, Codable {
    /// The unit's code, unique within its curriculum.
    public let code: UnitCode
    /// The unit's title.
    public let title: LocalizedText
    /// What the unit is for and who it applies to.
    public let application: LocalizedText?
    /// Nominal hours.
    public let hours: Int
    /// Whether this is a safety or risk-management unit.
    public let isSafetyCritical: Bool
    /// Units that must be signed off before this one.
    public let prerequisites: [UnitReference]
    /// The elements, numbered 1, 2, 3 ...
    public let elements: [Element]
    /// The foundation skills (schema 1.1); nil when the file states none.
    public let foundationSkills: [FoundationSkill]?
    /// The range of conditions (schema 1.1); nil when the file states none.
    public let rangeOfConditions: [RangeVariable]?
    /// What must be demonstrated, and how often.
    public let performanceEvidence: PerformanceEvidence
    /// What must be known; empty when the source states none (``notStatedInSource``).
    public let knowledgeEvidence: [KnowledgeItem]
    /// Where, with what and by whom the unit is assessed; empty when the source states none.
    public let assessmentConditions: LocalizedText
    /// The parts the file marks `<notStatedInSource/>` (schema 1.1), in document order; nil when none,
    /// so a 1.0 unit encodes as it always did.
    public let notStatedInSource: [UnstatedPart]?
    /// The parts the file marks `<notYetTranscribed/>` (schema 1.1, drafts only: VETA-R023); nil when none.
    public let notYetTranscribed: [UnstatedPart]?
    /// Where the unit comes from (schema 1.1 `<provenance>`); nil when the file does not say.
    public let provenance: UnitProvenance?
    /// The earlier unit this one supersedes (schema 1.1); nil when the file does not say.
    public let supersedes: UnitSupersession?
    /// Where the `<unit>` element is.
    public let location: SourceLocation
}

/// A reference to a unit by its code, from a prerequisite or a packaging rule.
public struct UnitReference: Hashable, Sendable, Codable {
    /// The code referred to.
    public let code: UnitCode
    /// Where the reference is.
    public let location: SourceLocation
}

/// An element of competency and its performance criteria.
public struct Element: Hashable, Sendable, Codable {
    /// The element's number within its unit, from 1.
    public let number: Int
    /// The element's title.
    public let title: LocalizedText
    /// The performance criteria, numbered `number.1`, `number.2` ...; empty when not transcribed yet.
    public let criteria: [PerformanceCriterion]
    /// True when the file marks the criteria `<notYetTranscribed/>` (schema 1.1, drafts only:
    /// VETA-R023); nil otherwise, so a 1.0 element encodes as it always did.
    public let notYetTranscribed: Bool?
    /// Where the `<element>` is.
    public let location: SourceLocation
}

/// A performance criterion: one observable standard of performance.
public struct PerformanceCriterion: Hashable, Sendable, Codable {
    /// The criterion's number as written, e.g. `2.3`.
    public let number: String
    /// What is observed.
    public let text: LocalizedText
    /// Where the `<criterion>` is.
    public let location: SourceLocation
}

/// What a candidate must demonstrate, and on how many occasions.
///
/// In schema 1.0 the unit states one number of occasions on `<performanceEvidence>`; in schema 1.1
/// the text may be a heading followed by ``requirements``, each with its own occasions, and then
/// the heading states none (``occasions`` is nil). ``Unit/occasionRequirements`` gives the engine
/// one list either way.
public struct PerformanceEvidence: Hashable, Sendable, Codable {
    /// Satisfactory observations required, each on a different date; nil when the file leaves the
    /// attribute out (schema 1.1: the requirements hold the occasions).
    public let occasions: Int?
    /// What must be demonstrated; with requirements, their heading.
    public let text: LocalizedText
    /// The performance requirements (schema 1.1), each with its own occasions; empty in the 1.0 form
    /// (and then left out of the JSON model).
    @OmittedWhenEmpty public private(set) var requirements: [PerformanceRequirement]
    /// Where the `<performanceEvidence>` is.
    public let location: SourceLocation

    /// Performance evidence; `requirements` are the schema 1.1 requirements under its heading.
    public init(occasions: Int?, text: LocalizedText, requirements: [PerformanceRequirement] = [], location: SourceLocation) {
        self.occasions = occasions
        self.text = text
        self.requirements = requirements
        self.location = location
    }
}

/// One item of knowledge a candidate must show.
public struct KnowledgeItem: Hashable, Sendable, Codable {
    /// The item's id, unique within its unit, e.g. `K3`.
    public let id: String
    /// What must be known; for an item with points, their heading ("key policies ..., including:").
    public let text: LocalizedText
    /// The points under the heading (schema 1.1), each assessable; empty for a plain item (and then
    /// left out of the JSON model).
    @OmittedWhenEmpty public private(set) var points: [KnowledgePoint]
    /// Where the `<item>` is.
    public let location: SourceLocation

    /// An item; `points` are the sub-items under its heading (schema 1.1).
    public init(id: String, text: LocalizedText, points: [KnowledgePoint] = [], location: SourceLocation) {
        self.id = id
        self.text = text
        self.points = points
        self.location = location
    }
}
