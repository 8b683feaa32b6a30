/// Equality, hashing and the Codable form of a ``Unit``: those of its fields, in the order they
/// are declared, exactly as the synthesised conformances of the struct with stored fields were
/// (optionals are left out of the encoding when nil), so stored and hashed encodings do not change.
extension Unit {
    private enum CodingKeys: String, CodingKey {
        case code, title, application, hours, isSafetyCritical, prerequisites, elements, foundationSkills, rangeOfConditions,
            performanceEvidence, knowledgeEvidence, assessmentConditions, notStatedInSource, notYetTranscribed, provenance, supersedes,
            location
    }

    /// Two units are equal when every field is.
    public static func == (lhs: Unit, rhs: Unit) -> Bool {
        if lhs.fields === rhs.fields { return true }
        return lhs.code == rhs.code
            && lhs.title == rhs.title
            && lhs.application == rhs.application
            && lhs.hours == rhs.hours
            && lhs.isSafetyCritical == rhs.isSafetyCritical
            && lhs.prerequisites == rhs.prerequisites
            && lhs.elements == rhs.elements
            && lhs.foundationSkills == rhs.foundationSkills
            && lhs.rangeOfConditions == rhs.rangeOfConditions
            && lhs.performanceEvidence == rhs.performanceEvidence
            && lhs.knowledgeEvidence == rhs.knowledgeEvidence
            && lhs.assessmentConditions == rhs.assessmentConditions
            && lhs.notStatedInSource == rhs.notStatedInSource
            && lhs.notYetTranscribed == rhs.notYetTranscribed
            && lhs.provenance == rhs.provenance
            && lhs.supersedes == rhs.supersedes
            && lhs.location == rhs.location
    }

    /// Hashes every field, in order.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(title)
        hasher.combine(application)
        hasher.combine(hours)
        hasher.combine(isSafetyCritical)
        hasher.combine(prerequisites)
        hasher.combine(elements)
        hasher.combine(foundationSkills)
        hasher.combine(rangeOfConditions)
        hasher.combine(performanceEvidence)
        hasher.combine(knowledgeEvidence)
        hasher.combine(assessmentConditions)
        hasher.combine(notStatedInSource)
        hasher.combine(notYetTranscribed)
        hasher.combine(provenance)
        hasher.combine(supersedes)
        hasher.combine(location)
    }

    /// Decodes a unit; a missing optional field is nil.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            code: try container.decode(UnitCode.self, forKey: .code),
            title: try container.decode(LocalizedText.self, forKey: .title),
            application: try container.decodeIfPresent(LocalizedText.self, forKey: .application),
            hours: try container.decode(Int.self, forKey: .hours),
            isSafetyCritical: try container.decode(Bool.self, forKey: .isSafetyCritical),
            prerequisites: try container.decode([UnitReference].self, forKey: .prerequisites),
            elements: try container.decode([Element].self, forKey: .elements),
            foundationSkills: try container.decodeIfPresent([FoundationSkill].self, forKey: .foundationSkills),
            rangeOfConditions: try container.decodeIfPresent([RangeVariable].self, forKey: .rangeOfConditions),
            performanceEvidence: try container.decode(PerformanceEvidence.self, forKey: .performanceEvidence),
            knowledgeEvidence: try container.decode([KnowledgeItem].self, forKey: .knowledgeEvidence),
            assessmentConditions: try container.decode(LocalizedText.self, forKey: .assessmentConditions),
            notStatedInSource: try container.decodeIfPresent([UnstatedPart].self, forKey: .notStatedInSource),
            notYetTranscribed: try container.decodeIfPresent([UnstatedPart].self, forKey: .notYetTranscribed),
            provenance: try container.decodeIfPresent(UnitProvenance.self, forKey: .provenance),
            supersedes: try container.decodeIfPresent(UnitSupersession.self, forKey: .supersedes),
            location: try container.decode(SourceLocation.self, forKey: .location))
    }

    /// Encodes every field in order; a nil optional is left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(title, forKey: .title)
        try container.encodeIfPresent(application, forKey: .application)
        try container.encode(hours, forKey: .hours)
        try container.encode(isSafetyCritical, forKey: .isSafetyCritical)
        try container.encode(prerequisites, forKey: .prerequisites)
        try container.encode(elements, forKey: .elements)
        try container.encodeIfPresent(foundationSkills, forKey: .foundationSkills)
        try container.encodeIfPresent(rangeOfConditions, forKey: .rangeOfConditions)
        try container.encode(performanceEvidence, forKey: .performanceEvidence)
        try container.encode(knowledgeEvidence, forKey: .knowledgeEvidence)
        try container.encode(assessmentConditions, forKey: .assessmentConditions)
        try container.encodeIfPresent(notStatedInSource, forKey: .notStatedInSource)
        try container.encodeIfPresent(notYetTranscribed, forKey: .notYetTranscribed)
        try container.encodeIfPresent(provenance, forKey: .provenance)
        try container.encodeIfPresent(supersedes, forKey: .supersedes)
        try container.encode(location, forKey: .location)
    }
}
