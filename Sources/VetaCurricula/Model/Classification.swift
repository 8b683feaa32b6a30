/// The occupational level a curriculum prepares for.
public enum Level: String, Hashable, Sendable, Codable, CaseIterable {
    /// Equipment operators: CONOCER 1-2, AQF Certificate II-III.
    case `operator`
    /// Technicians: CONOCER 3, AQF Certificate IV or Diploma.
    case technician
    /// Supervisors: CONOCER 3-4, AQF Certificate IV and above.
    case supervisor
}

/// Whether a curriculum is in use.
public enum CurriculumStatus: String, Hashable, Sendable, Codable, CaseIterable {
    /// Not yet for use.
    case draft
    /// In use.
    case current
    /// Replaced by a newer version.
    case superseded
}

/// A level in a national qualifications framework.
public struct FrameworkLevel: Hashable, Sendable, Codable {
    /// The framework's name, e.g. `CONOCER` or `AQF`.
    public let framework: String
    /// The level within that framework.
    public let level: Int
    /// Where the `<frameworkLevel>` is.
    public let location: SourceLocation
}

/// An occupation in Mexico's SINCO catalogue.
public struct Occupation: Hashable, Sendable, Codable {
    /// The 4-digit SINCO code.
    public let sinco: String
    /// The occupation's name.
    public let name: String
}

/// The economic sector in Mexico's SCIAN classification.
public struct Sector: Hashable, Sendable, Codable {
    /// The SCIAN code, 2 to 6 digits.
    public let scian: String
    /// The sector's name.
    public let name: String
}

/// A published source the curriculum was transcribed from.
public struct Citation: Hashable, Sendable, Codable {
    /// The source's title.
    public let text: String
    /// Its address, when it has one.
    public let href: String?
    /// The release or version of the source.
    public let release: String?
}
