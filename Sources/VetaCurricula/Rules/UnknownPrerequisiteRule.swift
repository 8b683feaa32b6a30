/// VETA-R004: every prerequisite names a unit of the same curriculum.
struct UnknownPrerequisiteRule: CurriculumRule {
    let descriptor = RuleDescriptor(
        id: "VETA-R004", name: "unknown-prerequisite", severity: .error,
        summary: "Every prerequisite names a unit of the same curriculum.",
        fix: "correct the unit code, or add the prerequisite unit to <units>.")

    func check(_ curriculum: Curriculum) -> [Diagnostic] {
        let codes = Set(curriculum.units.map(\.code))
        return curriculum.units.flatMap { unit in
            unit.prerequisites.filter { !codes.contains($0.code) }.map {
                finding($0.location, "unit \(unit.code) requires \($0.code), which is not a unit of this curriculum")
            }
        }
    }
}
