/// The outcome of validating one file: the curriculum when it could be read, and every finding.
public struct ValidationResult: Hashable, Sendable {
    /// The file name as given.
    public let path: String
    /// The curriculum, when the file was well-formed and schema-valid (semantic findings may remain).
    public let curriculum: Curriculum?
    /// Every finding, in source order.
    public let diagnostics: [Diagnostic]

    /// Creates a result; diagnostics are put in source order.
    public init(path: String, curriculum: Curriculum?, diagnostics: [Diagnostic]) {
        self.path = path
        self.curriculum = curriculum
        self.diagnostics = diagnostics.sorted(by: Diagnostic.sourceOrder)
    }

    /// Whether any finding is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Whether any finding is a warning.
    public var hasWarnings: Bool { diagnostics.contains { $0.severity == .warning } }
}
