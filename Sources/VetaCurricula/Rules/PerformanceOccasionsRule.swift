/// VETA-R011: performance evidence asks for at least one occasion.
struct PerformanceOccasionsRule: CurriculumRule {
    let descriptor = RuleDescriptor(
        id: "VETA-R011", name: "performance-occasions", severity: .error,
        summary: "Performance evidence requires at least one occasion.",
        fix: "set occasions to the number of satisfactory observations required, at least 1.")

    func check(_ curriculum: Curriculum) -> [Diagnostic] {
        curriculum.units.flatMap { unit in
            // A 1.0-form unit without any occasions is VETA-R022's finding, not this rule's.
            guard !(unit.performanceEvidence.requirements.isEmpty && unit.performanceEvidence.occasions == nil) else {
                return [Diagnostic]()
            }
            return unit.occasionRequirements.filter { $0.occasions < 1 }.map { requirement in
                finding(
                    requirement.location,
                    requirement.id.map {
                        "performance requirement \($0) of unit \(unit.code) requires evidence on \(requirement.occasions) occasions; competence cannot be shown without one"
                    }
                        ?? "unit \(unit.code) requires performance evidence on \(requirement.occasions) occasions; competence cannot be shown without one"
                )
            }
        }
    }
}
