/// A unit of competency's code, e.g. `RIIMPO338E`: 1 to 12 uppercase letters or digits.
public struct UnitCode: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The code as written in the curriculum.
    public let rawValue: String

    /// Wraps a code; the schema has already checked its form.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static func < (lhs: UnitCode, rhs: UnitCode) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Decodes the code from a plain JSON string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the code as a plain JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// A curriculum's code, e.g. `VTOPHT`: 1 to 12 uppercase letters or digits.
public struct CurriculumCode: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The code as written in the curriculum.
    public let rawValue: String

    /// Wraps a code; the schema has already checked its form.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static func < (lhs: CurriculumCode, rhs: CurriculumCode) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Decodes the code from a plain JSON string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the code as a plain JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
