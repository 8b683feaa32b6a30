/// VETA-R014: every unit is used by the packaging rules.
struct UnpackagedUnitRule: CurriculumRule {
    let descriptor = RuleDescriptor(
        id: "VETA-R014", name: "unit-not-packaged", severity: .warning,
        summary: "Every unit is core or belongs to an elective group; otherwise no trainee can count it.",
        fix: "list the unit under <core> or an <electiveGroup>, or remove it.")

    func check(_ curriculum: Curriculum) -> [Diagnostic] {
        let packaged = Set(
            curriculum.packaging.core.map(\.code) + curriculum.packaging.electiveGroups.flatMap { $0.units.map(\.code) })
        return curriculum.units.filter { !packaged.contains($0.code) }.map {
            finding($0.location, "unit \($0.code) is neither core nor in an elective group")
        }
    }
}
