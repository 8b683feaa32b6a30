public import VetaCurricula

/// A trainee's id within the store, e.g. an employee number.
public struct TraineeID: CodeIdentifier {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// An assessor's id within the store.
public struct AssessorID: CodeIdentifier {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
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
