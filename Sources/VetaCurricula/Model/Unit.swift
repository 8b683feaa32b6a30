/// A unit of competency: what a worker must be able to do, to what standard, shown how.
///
/// Its fields live in one shared, immutable box, so copying a unit (every rule that walks a
/// curriculum's units copies each one) retains one reference instead of each of its strings and
/// arrays. Equality, hashing and the Codable form are those of the fields, as before
/// (`Unit+Codable.swift`).
public struct Unit: Hashable, Sendable, Codable {
    final class Fields: Sendable {
        let code: UnitCode
        let title: LocalizedText
        let application: LocalizedText?
        let hours: Int
        let isSafetyCritical: Bool
        let prerequisites: [UnitReference]
        let elements: [Element]
        let foundationSkills: [FoundationSkill]?
        let rangeOfConditions: [RangeVariable]?
        let performanceEvidence: PerformanceEvidence
        let knowledgeEvidence: [KnowledgeItem]
        let assessmentConditions: LocalizedText
        let notStatedInSource: [UnstatedPart]?
        let notYetTranscribed: [UnstatedPart]?
        let provenance: UnitProvenance?
        let supersedes: UnitSupersession?
        let location: SourceLocation

        init(
            code: UnitCode,
            title: LocalizedText,
            application: LocalizedText?,
            hours: Int,
            isSafetyCritical: Bool,
            prerequisites: [UnitReference],
            elements: [Element],
            foundationSkills: [FoundationSkill]?,
            rangeOfConditions: [RangeVariable]?,
            performanceEvidence: PerformanceEvidence,
            knowledgeEvidence: [KnowledgeItem],
            assessmentConditions: LocalizedText,
            notStatedInSource: [UnstatedPart]?,
            notYetTranscribed: [UnstatedPart]?,
            provenance: UnitProvenance?,
            supersedes: UnitSupersession?,
            location: SourceLocation
        ) {
            self.code = code
            self.title = title
            self.application = application
            self.hours = hours
            self.isSafetyCritical = isSafetyCritical
            self.prerequisites = prerequisites
            self.elements = elements
            self.foundationSkills = foundationSkills
            self.rangeOfConditions = rangeOfConditions
            self.performanceEvidence = performanceEvidence
            self.knowledgeEvidence = knowledgeEvidence
            self.assessmentConditions = assessmentConditions
            self.notStatedInSource = notStatedInSource
            self.notYetTranscribed = notYetTranscribed
            self.provenance = provenance
            self.supersedes = supersedes
            self.location = location
        }
    }

    let fields: Fields

    /// The unit's code, unique within its curriculum.
    public var code: UnitCode { fields.code }
    /// The unit's title.
    public var title: LocalizedText { fields.title }
    /// What the unit is for and who it applies to.
    public var application: LocalizedText? { fields.application }
    /// Nominal hours.
    public var hours: Int { fields.hours }
    /// Whether this is a safety or risk-management unit.
    public var isSafetyCritical: Bool { fields.isSafetyCritical }
    /// Units that must be signed off before this one.
    public var prerequisites: [UnitReference] { fields.prerequisites }
    /// The elements, numbered 1, 2, 3 ...
    public var elements: [Element] { fields.elements }
    /// The foundation skills (schema 1.1); nil when the file states none.
    public var foundationSkills: [FoundationSkill]? { fields.foundationSkills }
    /// The range of conditions (schema 1.1); nil when the file states none.
    public var rangeOfConditions: [RangeVariable]? { fields.rangeOfConditions }
    /// What must be demonstrated, and how often.
    public var performanceEvidence: PerformanceEvidence { fields.performanceEvidence }
    /// What must be known; empty when the source states none (``notStatedInSource``).
    public var knowledgeEvidence: [KnowledgeItem] { fields.knowledgeEvidence }
    /// Where, with what and by whom the unit is assessed; empty when the source states none.
    public var assessmentConditions: LocalizedText { fields.assessmentConditions }
    /// The parts the file marks `<notStatedInSource/>` (schema 1.1), in document order; nil when none,
    /// so a 1.0 unit encodes as it always did.
    public var notStatedInSource: [UnstatedPart]? { fields.notStatedInSource }
    /// The parts the file marks `<notYetTranscribed/>` (schema 1.1, drafts only: VETA-R023); nil when none.
    public var notYetTranscribed: [UnstatedPart]? { fields.notYetTranscribed }
    /// Where the unit comes from (schema 1.1 `<provenance>`); nil when the file does not say.
    public var provenance: UnitProvenance? { fields.provenance }
    /// The earlier unit this one supersedes (schema 1.1); nil when the file does not say.
    public var supersedes: UnitSupersession? { fields.supersedes }
    /// Where the `<unit>` element is.
    public var location: SourceLocation { fields.location }

    /// A unit with these fields (the reader makes them).
    init(
        code: UnitCode,
        title: LocalizedText,
        application: LocalizedText?,
        hours: Int,
        isSafetyCritical: Bool,
        prerequisites: [UnitReference],
        elements: [Element],
        foundationSkills: [FoundationSkill]?,
        rangeOfConditions: [RangeVariable]?,
        performanceEvidence: PerformanceEvidence,
        knowledgeEvidence: [KnowledgeItem],
        assessmentConditions: LocalizedText,
        notStatedInSource: [UnstatedPart]?,
        notYetTranscribed: [UnstatedPart]?,
        provenance: UnitProvenance?,
        supersedes: UnitSupersession?,
        location: SourceLocation
    ) {
        fields = Fields(
            code: code,
            title: title,
            application: application,
            hours: hours,
            isSafetyCritical: isSafetyCritical,
            prerequisites: prerequisites,
            elements: elements,
            foundationSkills: foundationSkills,
            rangeOfConditions: rangeOfConditions,
            performanceEvidence: performanceEvidence,
            knowledgeEvidence: knowledgeEvidence,
            assessmentConditions: assessmentConditions,
            notStatedInSource: notStatedInSource,
            notYetTranscribed: notYetTranscribed,
            provenance: provenance,
            supersedes: supersedes,
            location: location)
    }
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
