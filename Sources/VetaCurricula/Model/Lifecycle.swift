/// The earlier curriculum version that a curriculum replaces.
public struct Supersession: Hashable, Sendable, Codable {
    /// The code of the replaced curriculum.
    public let code: CurriculumCode
    /// The version of the replaced curriculum.
    public let version: SemanticVersion
    /// Whether the two versions are equivalent (a completion of one counts for the other).
    public let equivalent: Bool
    /// Where the `<supersedes>` element is.
    public let location: SourceLocation
}

/// How long a completion stays valid and what renews it.
public struct Recertification: Hashable, Sendable, Codable {
    /// Months a completion stays valid.
    public let validityMonths: Int
    /// Hours of refresher training that renew it, if the curriculum sets them.
    public let refresherHours: Int?
}

/// A reference to an external standard: an EC, a NOM clause, a unit of competency.
public struct ExternalReference: Hashable, Sendable, Codable {
    /// What kind of standard is cited.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// A CONOCER Estándar de Competencia.
        case ec
        /// A Mexican official norm (NOM).
        case nom
        /// A unit of competency from a training package.
        case unit
        /// Any other standard.
        case other
    }

    /// The kind of standard.
    public let kind: Kind
    /// Its code, e.g. `EC0391.01` or `NOM-023-STPS-2012`.
    public let code: String
    /// The clause cited, for norms.
    public let clause: String?
    /// Its title or a note.
    public let text: String
    /// Where the reference is.
    public let location: SourceLocation
}
