/// A semantic rule: a check the XSD cannot express, run on a schema-valid curriculum.
protocol CurriculumRule: Sendable {
    /// The rule's id, severity and fix.
    var descriptor: RuleDescriptor { get }
    /// Every finding of this rule in `curriculum`, in source order.
    func check(_ curriculum: Curriculum) -> [Diagnostic]
}

extension CurriculumRule {
    func finding(_ location: SourceLocation, _ message: String) -> Diagnostic {
        descriptor.diagnostic(at: location, message)
    }
}
