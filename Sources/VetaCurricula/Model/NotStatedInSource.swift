/// A part of a unit a file may leave without text (schema 1.1): `<notStatedInSource/>` when the
/// published source does not state it (distinct from text the institution wrote), or, in a draft,
/// `<notYetTranscribed/>` when the source states it but it is not transcribed yet.
public enum UnstatedPart: String, Hashable, Sendable, Codable, CaseIterable {
    /// The unit's performance evidence (only `<notYetTranscribed/>`: every unit states it).
    case performanceEvidence
    /// The unit's knowledge evidence: the unit has no knowledge items.
    case knowledgeEvidence
    /// The unit's assessment conditions: the text is empty.
    case assessmentConditions

    /// The part's name in English, for `veta show` and the CASE export.
    public var name: String {
        switch self {
        case .performanceEvidence: "performance evidence"
        case .knowledgeEvidence: "knowledge evidence"
        case .assessmentConditions: "assessment conditions"
        }
    }
}

extension Unit {
    /// Whether the source states this part (true unless the file marks it `<notStatedInSource/>`).
    public func states(_ part: UnstatedPart) -> Bool {
        !(notStatedInSource ?? []).contains(part)
    }

    /// Whether this part is transcribed (true unless the file marks it `<notYetTranscribed/>`).
    public func transcribes(_ part: UnstatedPart) -> Bool {
        !(notYetTranscribed ?? []).contains(part)
    }

    /// The elements whose criteria are not transcribed yet (schema 1.1 `<notYetTranscribed/>`).
    public var untranscribedElements: [Element] {
        elements.filter { $0.notYetTranscribed == true }
    }
}
