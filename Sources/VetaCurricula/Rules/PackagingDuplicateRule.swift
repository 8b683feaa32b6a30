/// VETA-R013: a unit appears once in the packaging rules.
struct PackagingDuplicateRule: CurriculumRule {
    let descriptor = RuleDescriptor(
        id: "VETA-R013", name: "packaging-duplicate-unit", severity: .error,
        summary: "A unit appears at most once in the packaging rules: core or one elective group.",
        fix: "keep the unit in one place: core, or a single elective group.")

    func check(_ curriculum: Curriculum) -> [Diagnostic] {
        var firstSeen: [UnitCode: String] = [:]
        var findings: [Diagnostic] = []
        let places =
            curriculum.packaging.core.map { ($0, "core") }
            + curriculum.packaging.electiveGroups.flatMap { group in group.units.map { ($0, "elective group \(group.id)") } }
        for (reference, place) in places {
            if let first = firstSeen[reference.code] {
                findings.append(finding(reference.location, "unit \(reference.code) is listed in \(place) and already in \(first)"))
            } else {
                firstSeen[reference.code] = place
            }
        }
        return findings
    }
}
