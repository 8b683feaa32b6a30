/// VETA-R006: packaging rules name only units of the curriculum (core ⊆ units).
struct PackagingUnknownUnitRule: CurriculumRule {
    let descriptor = RuleDescriptor(
        id: "VETA-R006", name: "packaging-unknown-unit", severity: .error,
        summary: "Core units and elective groups name only units of the curriculum.",
        fix: "correct the code in <unitRef>, or add the unit to <units>.")

    func check(_ curriculum: Curriculum) -> [Diagnostic] {
        let codes = Set(curriculum.units.map(\.code))
        let core = curriculum.packaging.core.filter { !codes.contains($0.code) }.map {
            finding($0.location, "core unit \($0.code) is not a unit of this curriculum")
        }
        let electives = curriculum.packaging.electiveGroups.flatMap { group in
            group.units.filter { !codes.contains($0.code) }.map {
                finding($0.location, "elective group \(group.id) lists \($0.code), which is not a unit of this curriculum")
            }
        }
        return core + electives
    }
}
