/// VETA-R010: a supervisor curriculum includes a safety or risk-management unit.
struct SupervisorSafetyUnitRule: CurriculumRule {
    let descriptor = RuleDescriptor(
        id: "VETA-R010", name: "supervisor-without-safety-unit", severity: .error,
        summary: "A supervisor curriculum includes at least one safety or risk-management unit (safetyCritical=\"true\").",
        fix: "add a safety or risk-management unit, or mark the one it has with safetyCritical=\"true\".")

    func check(_ curriculum: Curriculum) -> [Diagnostic] {
        guard curriculum.level == .supervisor, !curriculum.units.contains(where: \.isSafetyCritical) else { return [] }
        return [
            finding(
                curriculum.location,
                "supervisor curriculum \(curriculum.code) has no safety or risk-management unit")
        ]
    }
}
