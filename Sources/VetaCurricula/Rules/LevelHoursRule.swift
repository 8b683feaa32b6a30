/// VETA-R009: the volume of learning is plausible for the curriculum's level.
struct LevelHoursRule: CurriculumRule {
    let descriptor = RuleDescriptor(
        id: "VETA-R009", name: "implausible-hours-for-level", severity: .warning,
        summary: "The volume of learning is within the norm for the level: operator 24–2400 h, technician 80–3600 h, supervisor 40–3600 h.",
        fix: "check the units' hours: courses far shorter than the norm are a known quality complaint.")

    /// The plausible range of total hours for each level.
    static func norm(for level: Level) -> ClosedRange<Int> {
        switch level {
        case .operator: 24...2400
        case .technician: 80...3600
        case .supervisor: 40...3600
        }
    }

    func check(_ curriculum: Curriculum) -> [Diagnostic] {
        let range = Self.norm(for: curriculum.level)
        let hours = curriculum.volumeOfLearningHours
        guard !range.contains(hours) else { return [] }
        let side = hours < range.lowerBound ? "below" : "above"
        return [
            finding(
                curriculum.volumeOfLearningLocation,
                "\(hours) hours is \(side) the \(range.lowerBound)–\(range.upperBound) hour norm for the \(curriculum.level.rawValue) level"
            )
        ]
    }
}
