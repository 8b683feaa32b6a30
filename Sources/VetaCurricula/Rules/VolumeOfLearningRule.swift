/// VETA-R008: the declared volume of learning equals the sum of the units' hours.
struct VolumeOfLearningRule: CurriculumRule {
    let descriptor = RuleDescriptor(
        id: "VETA-R008", name: "volume-hours-mismatch", severity: .error,
        summary: "The declared volume of learning equals the sum of the units' nominal hours.",
        fix: "set <volumeOfLearning hours> to the sum of the units' hours, or correct a unit's hours.")

    func check(_ curriculum: Curriculum) -> [Diagnostic] {
        let sum = curriculum.totalUnitHours
        guard sum != curriculum.volumeOfLearningHours else { return [] }
        return [
            finding(
                curriculum.volumeOfLearningLocation,
                "volume of learning is \(curriculum.volumeOfLearningHours) hours but the units add up to \(sum) hours")
        ]
    }
}
