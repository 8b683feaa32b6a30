public import VetaCurricula

/// A trainee's id within the store, e.g. an employee number.
public struct TraineeID: CodeIdentifier {
    public let rawValue: String

    /// Wraps an id as stored; use ``init(validating:field:)`` for text from outside.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// An id typed or imported by a person: cleaned by ``CleanText`` (NFC, spaces of every kind
    /// trimmed) and refused when empty or holding a control or bidirectional character.
    public init(validating text: String, field: String = "trainee id") throws(Refusal) {
        self.init(try CleanText.identifier(text, field: field))
    }
}

/// An assessor's id within the store.
public struct AssessorID: CodeIdentifier {
    public let rawValue: String

    /// Wraps an id as stored; use ``init(validating:field:)`` for text from outside.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// An id typed or imported by a person, cleaned and checked like ``TraineeID/init(validating:field:)``.
    public init(validating text: String, field: String = "assessor id") throws(Refusal) {
        self.init(try CleanText.identifier(text, field: field))
    }
}

/// A published curriculum version: code and semantic version.
public struct CurriculumRef: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The curriculum's code.
    public let code: CurriculumCode
    /// The published version.
    public let version: SemanticVersion

    /// Creates a reference.
    public init(code: CurriculumCode, version: SemanticVersion) {
        self.code = code
        self.version = version
    }

    /// `CODE@x.y.z`.
    public var description: String { "\(code)@\(version)" }
}
