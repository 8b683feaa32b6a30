/// A code that identifies something in a curriculum: a wrapped string, ordered, encoded as a plain JSON string.
public protocol CodeIdentifier: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The code as written in the curriculum.
    var rawValue: String { get }
    /// Wraps a code; the schema has already checked its form.
    init(_ rawValue: String)
}

extension CodeIdentifier {
    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Decodes the code from a plain JSON string.
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the code as a plain JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// A unit of competency's code, e.g. `RIIMPO338E`: 1 to 12 uppercase letters or digits.
public struct UnitCode: CodeIdentifier {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// A curriculum's code, e.g. `VTOPHT`: 1 to 12 uppercase letters or digits.
public struct CurriculumCode: CodeIdentifier {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
}
