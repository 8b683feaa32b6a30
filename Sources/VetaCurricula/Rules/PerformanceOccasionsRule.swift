/// VETA-R011: performance evidence asks for at least one occasion.
struct PerformanceOccasionsRule: CurriculumRule {
    let descriptor = RuleDescriptor(
        id: "VETA-R011", name: "performance-occasions", severity: .error,
        summary: "Performance evidence requires at least one occasion.",
        fix: "set occasions to the number of satisfactory observations required, at least 1.")

    func check(_ curriculum: Curriculum) -> [Diagnostic] {
        curriculum.units.filter { $0.performanceEvidence.occasions < 1 }.map {
            finding(
                $0.performanceEvidence.location,
                "unit \($0.code) requires performance evidence on \($0.performanceEvidence.occasions) occasions; competence cannot be shown without one"
            )
        }
    }
}
