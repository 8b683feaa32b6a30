/// The outcome of validating one file: the curriculum when it could be read, and every finding.
public struct ValidationResult: Hashable, Sendable {
    /// The file name as given.
    public let path: String
    /// The curriculum, when the file was well-formed and schema-valid (semantic findings may
    /// remain) and the caller asked to keep it.
    public let curriculum: Curriculum?
    /// The curriculum's code, when the file could be read.
    public let code: CurriculumCode?
    /// The curriculum's version, when the file could be read.
    public let version: SemanticVersion?
    /// Every finding, in source order.
    public let diagnostics: [Diagnostic]

    /// Creates a result; diagnostics are put in source order. With `keepingModel` false only the
    /// curriculum's code and version are kept, which is all a report of a large catalogue needs.
    public init(path: String, curriculum: Curriculum?, diagnostics: [Diagnostic], keepingModel: Bool = true) {
        self.path = path
        self.curriculum = keepingModel ? curriculum : nil
        self.code = curriculum?.code
        self.version = curriculum?.version
        self.diagnostics = diagnostics.sorted(by: Diagnostic.sourceOrder)
    }

    /// Whether any finding is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Whether any finding is a warning.
    public var hasWarnings: Bool { diagnostics.contains { $0.severity == .warning } }
}
