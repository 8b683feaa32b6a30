/// VETA-R007: the packaging rules can be met by the units present.
struct PackagingSatisfiableRule: CurriculumRule {
    let descriptor = RuleDescriptor(
        id: "VETA-R007", name: "packaging-unsatisfiable", severity: .error,
        summary:
            "The packaging rules can be met: enough electives in each group, minimums within maximums, and a total that the core, electives and external electives can reach without exceeding it.",
        fix: "adjust totalUnits, the group's min or max, or add units to the group.")

    func check(_ curriculum: Curriculum) -> [Diagnostic] {
        let packaging = curriculum.packaging
        var findings: [Diagnostic] = []
        for group in packaging.electiveGroups {
            if group.units.count < group.minimum {
                findings.append(
                    finding(
                        group.location,
                        "elective group \(group.id) requires at least \(group.minimum) units but lists only \(group.units.count)"))
            }
            if let maximum = group.maximum, maximum < group.minimum {
                findings.append(
                    finding(group.location, "elective group \(group.id) has min \(group.minimum) above its max \(maximum)"))
            }
        }
        let core = packaging.core.count
        let minimums = packaging.electiveGroups.reduce(0) { $0 + $1.minimum }
        let available = packaging.electiveGroups.reduce(0) { $0 + min($1.maximum ?? $1.units.count, $1.units.count) }
        if core > packaging.totalUnits {
            findings.append(
                finding(packaging.location, "the core units (\(core)) exceed totalUnits (\(packaging.totalUnits))"))
        } else if core + minimums > packaging.totalUnits {
            findings.append(
                finding(
                    packaging.location,
                    "the core units (\(core)) plus the required electives (\(minimums)) exceed totalUnits (\(packaging.totalUnits))"))
        }
        if core + available + packaging.externalElectives < packaging.totalUnits {
            findings.append(
                finding(
                    packaging.location,
                    "totalUnits (\(packaging.totalUnits)) cannot be reached: core \(core) + electives available \(available) + external \(packaging.externalElectives) = \(core + available + packaging.externalElectives)"
                ))
        }
        return findings
    }
}
