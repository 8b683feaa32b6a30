/// VETA-R001: every unit code appears once.
struct DuplicateUnitCodeRule: CurriculumRule {
    let descriptor = RuleDescriptor(
        id: "VETA-R001", name: "duplicate-unit-code", severity: .error,
        summary: "Each unit code appears once in a curriculum.",
        fix: "give each <unit> a unique code, or remove the duplicate unit.")

    func check(_ curriculum: Curriculum) -> [Diagnostic] {
        var firstSeen: [UnitCode: SourceLocation] = [:]
        var findings: [Diagnostic] = []
        for unit in curriculum.units {
            if let first = firstSeen[unit.code] {
                findings.append(finding(unit.location, "unit code \"\(unit.code)\" is already used at line \(first.line)"))
            } else {
                firstSeen[unit.code] = unit.location
            }
        }
        return findings
    }
}
