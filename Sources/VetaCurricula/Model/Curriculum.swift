/// A standardized training curriculum, read from its XML file.
public struct Curriculum: Hashable, Sendable, Codable {
    /// The curriculum's code.
    public let code: CurriculumCode
    /// Its semantic version.
    public let version: SemanticVersion
    /// The occupational level.
    public let level: Level
    /// Whether it is in use.
    public let status: CurriculumStatus
    /// The title.
    public let title: LocalizedText
    /// The description.
    public let description: LocalizedText
    /// The published standards it was transcribed from.
    public let sources: [Citation]
    /// Levels in national frameworks.
    public let frameworkLevels: [FrameworkLevel]
    /// The SCIAN sector.
    public let sector: Sector
    /// The SINCO occupations it prepares for.
    public let occupations: [Occupation]
    /// The body that publishes it.
    public let issuingBody: String
    /// The publication date, an `xs:date` (it may carry a timezone).
    public let published: XSDDate
    /// The version it replaces, if any.
    public let supersedes: Supersession?
    /// Validity and refresher training, if completions expire.
    public let recertification: Recertification?
    /// Declared total nominal hours.
    public let volumeOfLearningHours: Int
    /// Where `<volumeOfLearning>` is.
    public let volumeOfLearningLocation: SourceLocation
    /// External standards cited.
    public let references: [ExternalReference]
    /// The units of competency.
    public let units: [Unit]
    /// The packaging rules.
    public let packaging: PackagingRules
    /// The DC-3 programme fields (schema 1.1), if the file has a `<dc3>` block.
    public let dc3: DC3Details?
    /// The bilingual texts written in one language only (schema 1.1), in document order.
    public let untranslatedTexts: [UntranslatedText]
    /// Where the root element is.
    public let location: SourceLocation
}

extension Curriculum {
    /// The unit with this code, if the curriculum has one.
    public func unit(_ code: UnitCode) -> Unit? {
        units.first { $0.code == code }
    }

    /// The sum of the units' nominal hours.
    public var totalUnitHours: Int {
        units.reduce(0) { $0 + $1.hours }
    }
}
