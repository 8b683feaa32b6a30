/// What one check is: its stable id, name, severity and how to fix what it finds.
public struct RuleDescriptor: Hashable, Sendable, Codable {
    /// The stable id, e.g. `VETA-R001`.
    public let id: String
    /// A short kebab-case name, e.g. `duplicate-unit-code`.
    public let name: String
    /// The severity of what it finds.
    public let severity: Diagnostic.Severity
    /// What it checks, in one sentence.
    public let summary: String
    /// How to fix what it finds, in one sentence.
    public let fix: String

    /// Creates a descriptor.
    public init(id: String, name: String, severity: Diagnostic.Severity, summary: String, fix: String) {
        self.id = id
        self.name = name
        self.severity = severity
        self.summary = summary
        self.fix = fix
    }

    /// A diagnostic for this check.
    func diagnostic(at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(code: id, severity: severity, location: location, message: message, fix: fix)
    }

    /// A diagnostic for this check that rephrases a libxml2 finding: its own fix when it has
    /// one (else the check's), and libxml2's text kept as ``Diagnostic/originalMessage``.
    func diagnostic(at location: SourceLocation, _ explanation: Explanation, original: String) -> Diagnostic {
        Diagnostic(
            code: id, severity: severity, location: location, message: explanation.message, fix: explanation.fix ?? fix,
            originalMessage: original)
    }
}
