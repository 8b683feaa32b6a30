/// VETA-R022: a unit's performance occasions are stated once, on `<performanceEvidence>` (the 1.0
/// form) or on each of its `<requirement>`s (schema 1.1), and the requirements' ids are unique in the unit.
struct PerformanceRequirementsRule: CurriculumRule {
    let descriptor = RuleDescriptor(
        id: "VETA-R022", name: "performance-requirements", severity: .error,
        summary:
            "Performance occasions are stated once: on <performanceEvidence> (one requirement) or on each <requirement> (several), and requirement ids are unique in their unit.",
        fix:
            "keep occasions on <performanceEvidence> only when it has no <requirement>; otherwise move it to each <requirement>, each with its own id (P1, P2 ...)."
    )

    func check(_ curriculum: Curriculum) -> [Diagnostic] {
        curriculum.units.flatMap { unit -> [Diagnostic] in
            let evidence = unit.performanceEvidence
            var found: [Diagnostic] = []
            if evidence.requirements.isEmpty, evidence.occasions == nil, unit.transcribes(.performanceEvidence) {
                found.append(
                    finding(
                        evidence.location,
                        "the performance evidence of unit \(unit.code) states no occasions: it has neither occasions nor a <requirement>"))
            }
            if !evidence.requirements.isEmpty, let occasions = evidence.occasions {
                found.append(
                    finding(
                        evidence.location,
                        "the performance evidence of unit \(unit.code) states occasions=\"\(occasions)\" and also has requirements with their own occasions; the requirements' occasions count, so remove it from <performanceEvidence>"
                    ))
            }
            var firstLine: [String: Int] = [:]
            for requirement in evidence.requirements {
                if let line = firstLine[requirement.id] {
                    found.append(
                        finding(
                            requirement.location,
                            "performance requirement \(requirement.id) of unit \(unit.code) is already used at line \(line)"))
                } else {
                    firstLine[requirement.id] = requirement.location.line
                }
            }
            return found
        }
    }
}
